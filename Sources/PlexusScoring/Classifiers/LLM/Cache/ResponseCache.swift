import Crypto
import Foundation

/// Remembers responses by request, in memory and optionally on disk, so a re-run costs nothing.
///
/// Keys are the SHA-256 of the exact request body (model, messages and every parameter). The disk
/// layer writes one JSON file per key atomically, so concurrent writers and readers never see a
/// partial file; memory holds at most `memoryLimit` entries, evicting the oldest.
actor ResponseCache {
    private let directory: URL?
    private let memoryLimit: Int
    private var memory: [String: ChatResponse] = [:]
    private var order: [String] = []
    private var oldest = 0

    /// Creates a cache; `directory` is created when missing.
    init(directory: String?, memoryLimit: Int = 10_000) {
        self.directory = directory.map { URL(fileURLWithPath: $0, isDirectory: true) }
        self.memoryLimit = max(memoryLimit, 1)
        if let url = self.directory {
            try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        }
    }

    /// The cache key of a request body.
    static func key(for body: Data) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(64)
        for byte in SHA256.hash(data: body) {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: hex, as: UTF8.self)
    }

    /// The stored response for `key`, from memory or disk.
    func response(for key: String) -> ChatResponse? {
        if let hit = memory[key] { return hit }
        guard let file = fileURL(for: key), let data = try? Data(contentsOf: file),
            let stored = try? JSONDecoder().decode(ChatResponse.self, from: data)
        else { return nil }
        remember(stored, for: key)
        return stored
    }

    /// Stores `response` under `key`.
    func store(_ response: ChatResponse, for key: String) {
        remember(response, for: key)
        guard let file = fileURL(for: key), let data = try? JSONEncoder().encode(response) else { return }
        // A cache that cannot be written only costs money later, so a failed write is not an error.
        try? data.write(to: file, options: .atomic)
    }

    private func remember(_ response: ChatResponse, for key: String) {
        if memory.updateValue(response, forKey: key) == nil { order.append(key) }
        while memory.count > memoryLimit, oldest < order.count {
            memory[order[oldest]] = nil
            oldest += 1
        }
        if oldest > 1024, oldest * 2 > order.count {
            order.removeFirst(oldest)
            oldest = 0
        }
    }

    private func fileURL(for key: String) -> URL? {
        directory?.appendingPathComponent(key + ".json")
    }
}
