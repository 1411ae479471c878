// The Makefile passes -Xcc -DMEDMON_COMMIT_ID="..." so that --version names
// the git commit; a plain `swift build` falls back to "unknown". Swift
// imports only macros defined in the header itself, so the command-line
// value goes through this alias.
#ifdef MEDMON_COMMIT_ID
#define MEDMON_COMMIT MEDMON_COMMIT_ID
#else
#define MEDMON_COMMIT "unknown"
#endif
