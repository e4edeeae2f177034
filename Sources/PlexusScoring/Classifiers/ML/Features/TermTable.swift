import Foundation

/// A set of terms keyed by their UTF-8 bytes, numbered in insertion order: finds a term given a
/// byte range of a ``TokenBuffer`` without making a `String`. Open addressing with linear
/// probing, kept at most half full.
struct TermTable: Sendable {
    /// Every term's bytes, back to back.
    private var storage: [UInt8] = []
    /// Where term `i` starts in ``storage``; `offsets[i + 1]` is where it ends.
    private var offsets: [Int] = [0]
    /// Each term's hash.
    private var hashes: [UInt64] = []
    /// Term number + 1 in each slot, 0 for an empty slot.
    private var slots: [Int32] = Array(repeating: 0, count: 64)

    /// The number of terms.
    var count: Int { hashes.count }

    /// Creates an empty table.
    init() {}

    /// Creates a table of `terms`, numbered in order (a repeated term keeps its first number).
    init(_ terms: [String]) {
        for term in terms {
            var term = term
            _ = term.withUTF8 { insert($0) }
        }
    }

    /// Term `index` as a `String`.
    func term(_ index: Int) -> String {
        String(decoding: storage[offsets[index]..<offsets[index + 1]], as: UTF8.self)
    }

    /// Term `index`'s bytes.
    func bytes(_ index: Int) -> ArraySlice<UInt8> {
        storage[offsets[index]..<offsets[index + 1]]
    }

    /// The number of `key`, or -1 if it is not in the table.
    func index(of key: UnsafeBufferPointer<UInt8>) -> Int {
        let hash = Self.hash(key)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = Int(slots[slot])
            if entry == 0 { return -1 }
            if hashes[entry - 1] == hash && matches(entry - 1, key) { return entry - 1 }
            slot = (slot + 1) & mask
        }
    }

    /// The number of `key`, adding it first if it is new.
    mutating func insert(_ key: UnsafeBufferPointer<UInt8>) -> Int {
        let found = index(of: key)
        if found >= 0 { return found }
        let number = hashes.count
        storage.append(contentsOf: key)
        offsets.append(storage.count)
        hashes.append(Self.hash(key))
        if (number + 1) * 2 > slots.count {
            rehash(capacity: slots.count * 2)
        } else {
            place(number)
        }
        return number
    }

    private func matches(_ index: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = offsets[index]
        guard offsets[index + 1] - start == key.count else { return false }
        return storage.withUnsafeBufferPointer { all in
            key.count == 0 || memcmp(all.baseAddress! + start, key.baseAddress!, key.count) == 0
        }
    }

    private mutating func place(_ number: Int) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hashes[number]) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(number + 1)
    }

    private mutating func rehash(capacity: Int) {
        slots = Array(repeating: 0, count: capacity)
        for number in hashes.indices { place(number) }
    }

    /// A 64-bit hash of `bytes`, eight bytes at a time.
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        let raw = UnsafeRawBufferPointer(bytes)
        var offset = 0
        while offset + 8 <= raw.count {
            hash = mix(hash ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            offset += 8
        }
        if offset < raw.count {
            var tail: UInt64 = 0
            for index in offset..<raw.count { tail = tail << 8 | UInt64(raw[index]) }
            hash = mix(hash ^ tail)
        }
        return mix(hash)
    }

    private static func mix(_ value: UInt64) -> UInt64 {
        var value = value &* 0xBF58_476D_1CE4_E5B9
        value ^= value >> 31
        return value &* 0x94D0_49BB_1331_11EB
    }
}
