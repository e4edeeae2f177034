import Foundation
import PlexusStats

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Sorts a column's numbers in memory that does not grow with the column: up to `runLength`
/// values are held; each time the buffer fills it is sorted and written to a scratch file as a
/// run, and reading merges the runs. A column that fits in one buffer never touches the disk.
struct SpillingSorter: Sendable {
    private let runLength: Int
    private var buffer: [Double] = []
    private var runs: [Range<Int>] = []
    private var scratch: ScratchFile?
    /// Values appended so far.
    private(set) var count = 0

    /// Prepares to sort; `runLength` (at least 2) bounds the values held in memory.
    init(runLength: Int) {
        self.runLength = max(2, runLength)
    }

    /// Adds a (finite) value.
    mutating func append(_ value: Double) throws(DatasetError) {
        buffer.append(value)
        count += 1
        if buffer.count >= runLength { try spill() }
    }

    private mutating func spill() throws(DatasetError) {
        let file: ScratchFile
        if let scratch { file = scratch } else { file = try ScratchFile() }
        scratch = file
        let start = runs.last?.upperBound ?? 0
        try file.write(RadixSort.sorted(buffer), at: start)
        runs.append(start ..< start + buffer.count)
        buffer.removeAll(keepingCapacity: true)
    }

    /// The values in ascending order.
    consuming func finish() throws(DatasetError) -> SortedNumbers {
        guard let scratch else { return SortedNumbers(sample: SortedSample(alreadySorted: RadixSort.sorted(buffer))) }
        if !buffer.isEmpty { try spill() }
        return try SortedNumbers(runs: runs, in: scratch)
    }
}

/// Numbers in ascending order, held in memory or as sorted runs in a scratch file that are
/// merged each time they are read.
struct SortedNumbers: Sendable {
    private enum Storage {
        case memory(SortedSample)
        case runs([Range<Int>], ScratchFile)
    }

    private let storage: Storage
    /// How many numbers there are.
    let count: Int
    /// The smallest; 0 when there are none.
    let minimum: Double
    /// The largest; 0 when there are none.
    let maximum: Double

    fileprivate init(sample: SortedSample) {
        storage = .memory(sample)
        count = sample.count
        (minimum, maximum) = (sample.minimum ?? 0, sample.maximum ?? 0)
    }

    fileprivate init(runs: [Range<Int>], in scratch: ScratchFile) throws(DatasetError) {
        storage = .runs(runs, scratch)
        count = runs.reduce(0) { $0 + $1.count }
        var minimum = Double.infinity, maximum = -Double.infinity
        var one: [Double] = []
        for run in runs {
            try scratch.read(into: &one, count: 1, at: run.lowerBound)
            minimum = min(minimum, one[0])
            try scratch.read(into: &one, count: 1, at: run.upperBound - 1)
            maximum = max(maximum, one[0])
        }
        (self.minimum, self.maximum) = (minimum, maximum)
    }

    /// The numbers as one in-memory sample, when they were never spilled.
    var sample: SortedSample? {
        if case let .memory(sample) = storage { sample } else { nil }
    }

    /// Passes every number, in ascending order, to `visit`.
    func forEach(_ visit: (Double) -> Void) throws(DatasetError) {
        switch storage {
        case let .memory(sample):
            for value in sample.values { visit(value) }
        case let .runs(runs, scratch):
            var merge = try RunMerge(runs: runs, scratch: scratch)
            while let value = try merge.next() { visit(value) }
        }
    }

    /// Calls `body` with consecutive slices of the numbers, in ascending order, each at most
    /// `limit` long: for writing them out without holding them all.
    func forEachSlice(limit: Int, _ body: ([Double]) async throws -> Void) async throws {
        let limit = max(1, limit)
        switch storage {
        case let .memory(sample):
            for start in stride(from: 0, to: sample.count, by: limit) {
                try await body(Array(sample.values[start ..< min(start + limit, sample.count)]))
            }
        case let .runs(runs, scratch):
            var merge = try RunMerge(runs: runs, scratch: scratch)
            var slice: [Double] = []
            slice.reserveCapacity(limit)
            while true {
                slice.removeAll(keepingCapacity: true)
                while slice.count < limit, let value = try merge.next() { slice.append(value) }
                if slice.isEmpty { return }
                try await body(slice)
            }
        }
    }
}

/// A k-way merge of sorted runs: each run is read in blocks, and a binary heap of the runs'
/// next values picks the smallest.
private struct RunMerge {
    private static let blockLength = 8_192

    private struct Cursor {
        var remaining: Range<Int>
        var block: [Double] = []
        var position = 0
    }

    private let scratch: ScratchFile
    private var cursors: [Cursor]
    /// Indices into `cursors`, a min-heap on each cursor's current value.
    private var heap: [Int] = []

    init(runs: [Range<Int>], scratch: ScratchFile) throws(DatasetError) {
        self.scratch = scratch
        cursors = runs.map { Cursor(remaining: $0) }
        for index in cursors.indices where try refill(index) {
            heap.append(index)
            siftUp(heap.count - 1)
        }
    }

    private func head(_ index: Int) -> Double { cursors[index].block[cursors[index].position] }

    /// Loads the run's next block; false when the run is used up.
    private mutating func refill(_ index: Int) throws(DatasetError) -> Bool {
        let remaining = cursors[index].remaining
        guard !remaining.isEmpty else { return false }
        let length = min(Self.blockLength, remaining.count)
        try scratch.read(into: &cursors[index].block, count: length, at: remaining.lowerBound)
        cursors[index].remaining = remaining.lowerBound + length ..< remaining.upperBound
        cursors[index].position = 0
        return true
    }

    /// The next smallest value; nil when every run is used up.
    mutating func next() throws(DatasetError) -> Double? {
        guard let top = heap.first else { return nil }
        let value = head(top)
        cursors[top].position += 1
        if cursors[top].position == cursors[top].block.count, !(try refill(top)) {
            heap[0] = heap[heap.count - 1]
            heap.removeLast()
        }
        if !heap.isEmpty { siftDown(0) }
        return value
    }

    private mutating func siftUp(_ start: Int) {
        var child = start
        while child > 0 {
            let parent = (child - 1) / 2
            guard head(heap[child]) < head(heap[parent]) else { return }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    private mutating func siftDown(_ start: Int) {
        var parent = start
        while true {
            let left = 2 * parent + 1, right = left + 1
            var smallest = parent
            if left < heap.count, head(heap[left]) < head(heap[smallest]) { smallest = left }
            if right < heap.count, head(heap[right]) < head(heap[smallest]) { smallest = right }
            guard smallest != parent else { return }
            heap.swapAt(parent, smallest)
            parent = smallest
        }
    }
}

/// A file for sorted runs, unlinked as soon as it is created so the system reclaims it when it
/// is closed, even if the process is killed. Offsets and counts are in numbers, not bytes.
final class ScratchFile: Sendable {
    private let descriptor: Int32
    private let directory: String

    /// Creates the file in the system's temporary directory (`TMPDIR`).
    init() throws(DatasetError) {
        directory = FileManager.default.temporaryDirectory.path
        var template = Array("\(directory)/plexus-sort-XXXXXX".utf8CString)
        let opened = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard opened >= 0 else { throw .scratchSpace(directory: directory, reason: String(cString: strerror(errno))) }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        descriptor = opened
    }

    deinit { close(descriptor) }

    /// Writes `values` starting at number `offset`.
    func write(_ values: [Double], at offset: Int) throws(DatasetError) {
        let failure = values.withUnsafeBytes { bytes in
            Self.transfer(bytes.count, endMessage: "the disk is full") { done in
                pwrite(descriptor, bytes.baseAddress! + done, bytes.count - done, off_t(offset * 8 + done))
            }
        }
        if let failure { throw .scratchSpace(directory: directory, reason: failure) }
    }

    /// Replaces `buffer` with the `count` numbers starting at number `offset`.
    func read(into buffer: inout [Double], count: Int, at offset: Int) throws(DatasetError) {
        if buffer.count != count { buffer = Array(repeating: 0, count: count) }
        let failure = buffer.withUnsafeMutableBytes { bytes in
            Self.transfer(bytes.count, endMessage: "the file ended early") { done in
                pread(descriptor, bytes.baseAddress! + done, bytes.count - done, off_t(offset * 8 + done))
            }
        }
        if let failure { throw .scratchSpace(directory: directory, reason: failure) }
    }

    /// Repeats `step` (one `pread` or `pwrite` from byte `done` on) until `total` bytes have
    /// moved, retrying interrupted calls; returns why it stopped short, or nil.
    private static func transfer(_ total: Int, endMessage: String, _ step: (_ done: Int) -> Int) -> String? {
        var done = 0
        while done < total {
            let moved = step(done)
            if moved < 0, errno == EINTR { continue }
            guard moved > 0 else { return moved < 0 ? String(cString: strerror(errno)) : endMessage }
            done += moved
        }
        return nil
    }
}
