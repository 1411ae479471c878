// The Makefile passes -Xcc -DMEDMON_COMMIT="..." so that --version names
// the git commit; a plain `swift build` falls back to "unknown".
#ifndef MEDMON_COMMIT
#define MEDMON_COMMIT "unknown"
#endif
