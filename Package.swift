// swift-tools-version: 6.0
import PackageDescription

// Core is shared by both sides; Collect (site) and Report (vendor) depend on
// Core only and never on each other. The C libraries come from Debian's
// -dev packages through the system-library targets below.
let package = Package(
  name: "medmon",
  products: [
    .executable(name: "medmon", targets: ["medmon"])
  ],
  targets: [
    .systemLibrary(
      name: "CSQLite", path: "Sources/CSQLite",
      providers: [.apt(["libsqlite3-dev"])]),
    .systemLibrary(
      name: "CArchive", path: "Sources/CArchive",
      providers: [.apt(["libarchive-dev"])]),
    .systemLibrary(
      name: "CSodium", path: "Sources/CSodium",
      providers: [.apt(["libsodium-dev"])]),
    .systemLibrary(
      name: "CZlib", path: "Sources/CZlib",
      providers: [.apt(["zlib1g-dev"])]),
    .systemLibrary(name: "CBuildInfo", path: "Sources/CBuildInfo"),
    .target(name: "Core", dependencies: ["CSQLite", "CArchive", "CSodium", "CZlib"]),
    .target(name: "Collect", dependencies: ["Core"]),
    .target(name: "Report", dependencies: ["Core"]),
    .executableTarget(
      name: "medmon", dependencies: ["Core", "Collect", "Report", "CBuildInfo"]),
    .target(name: "TestSupport", dependencies: ["Core"], path: "Tests/TestSupport"),
    .testTarget(name: "CoreTests", dependencies: ["Core"]),
    .testTarget(name: "CollectTests", dependencies: ["Collect", "Core", "TestSupport"]),
    .testTarget(name: "ReportTests", dependencies: ["Report", "Core"]),
    .testTarget(name: "EndToEndTests", dependencies: ["Core", "TestSupport"]),
  ],
  swiftLanguageModes: [.v5]
)
