// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Plexus",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "plexus", targets: ["plexus"]),
        .library(name: "PlexusClient", targets: ["PlexusClient"]),
        .library(name: "PlexusServer", targets: ["PlexusServer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-websocket", from: "2.8.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/vapor/sql-kit", from: "3.36.0"),
        .package(url: "https://github.com/vapor/sqlite-kit", from: "4.5.2"),
        .package(url: "https://github.com/vapor/postgres-kit", from: "2.17.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/GraphQLSwift/Graphiti", from: "3.1.0"),
        .package(url: "https://github.com/GraphQLSwift/GraphQL", from: "4.3.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/vapor/jwt-kit", from: "5.8.0"),
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.1"),
        .package(url: "https://github.com/apple/swift-protobuf", from: "1.39.0"),
    ],
    targets: [
        .target(name: "PlexusCore"),
        .target(name: "PlexusStats"),
        .target(
            name: "PlexusMonitoring",
            dependencies: ["PlexusCore", "PlexusStats", .product(name: "Crypto", package: "swift-crypto")]
        ),
        .target(
            name: "PlexusAgents",
            dependencies: ["PlexusCore", "PlexusStats", "PlexusMonitoring", .product(name: "Crypto", package: "swift-crypto")]
        ),
        // Numeric kernels in C, where a function can use the CPU's FMA instructions when it has them.
        .target(name: "CPlexusKernels"),
        // posix_spawn with glibc's chdir and closefrom file actions, for tests that start `plexus`.
        .target(name: "CPlexusSpawn"),
        .target(
            name: "PlexusModels",
            dependencies: [
                "CPlexusKernels",
                "PlexusCore",
                "PlexusStats",
                "PlexusScoring",
                "PlexusMonitoring",
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "PlexusScoring",
            dependencies: [
                "PlexusCore", "PlexusStats",
                .product(name: "Yams", package: "Yams"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "PlexusFakeLLM",
            dependencies: [
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "plexus-fake-llm",
            dependencies: [
                "PlexusFakeLLM",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(
            name: "PlexusStore",
            dependencies: [
                "PlexusCore", "PlexusMonitoring", "PlexusAgents",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "PostgresKit", package: "postgres-kit"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "PlexusGraphQL",
            dependencies: [
                "PlexusCore", "PlexusStore",
                .product(name: "Graphiti", package: "Graphiti"),
                .product(name: "GraphQL", package: "GraphQL"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "PlexusServer",
            dependencies: [
                "PlexusCore", "PlexusStats", "PlexusScoring", "PlexusMonitoring", "PlexusModels", "PlexusAgents", "PlexusStore", "PlexusGraphQL",
                .product(name: "MultipartKit", package: "multipart-kit"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Graphiti", package: "Graphiti"),
                .product(name: "GraphQL", package: "GraphQL"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "PlexusClient",
            dependencies: [
                "PlexusCore", "PlexusStats", "PlexusScoring",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "plexus",
            dependencies: [
                "PlexusServer", "PlexusClient", "PlexusScoring", "PlexusStore", "PlexusMonitoring", "PlexusModels", "PlexusAgents",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ]
        ),
        .executableTarget(
            name: "plexus-bench",
            dependencies: [
                "PlexusServer", "PlexusStats", "PlexusStore", "PlexusCore", "PlexusScoring", "PlexusMonitoring", "PlexusModels", "PlexusFakeLLM", "PlexusClient",
                "PlexusTestSupport",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(
            name: "PlexusTestSupport",
            dependencies: ["CPlexusSpawn", "PlexusStore", "PlexusScoring", .product(name: "SQLKit", package: "sql-kit")]
        ),
        .testTarget(name: "PlexusCoreTests", dependencies: ["PlexusCore", "PlexusScoring"]),
        .testTarget(
            name: "PlexusScoringTests",
            dependencies: ["PlexusScoring", "PlexusFakeLLM", "PlexusTestSupport"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "PlexusStatsTests", dependencies: ["PlexusStats"], resources: [.copy("Fixtures")]),
        .testTarget(name: "PlexusMonitoringTests", dependencies: ["PlexusMonitoring"], resources: [.copy("Fixtures")]),
        .testTarget(name: "PlexusModelsTests", dependencies: ["PlexusModels", "PlexusCore", "PlexusStats", "PlexusScoring"], resources: [.copy("Fixtures")]),
        .testTarget(name: "PlexusStoreTests", dependencies: ["PlexusStore", "PlexusTestSupport", "PlexusAgents"]),
        .testTarget(name: "PlexusAgentsTests", dependencies: ["PlexusAgents", "PlexusCore"]),
        .testTarget(
            name: "PlexusGraphQLTests",
            dependencies: ["PlexusGraphQL", "PlexusTestSupport", .product(name: "GraphQL", package: "GraphQL")]
        ),
        .testTarget(
            name: "PlexusServerTests",
            dependencies: [
                "PlexusServer", "PlexusTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HummingbirdWSTesting", package: "hummingbird-websocket"),
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .testTarget(
            name: "PlexusClientTests",
            dependencies: [
                "PlexusClient", "PlexusServer", "PlexusTestSupport", "PlexusScoring", "PlexusFakeLLM",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
