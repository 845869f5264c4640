import Foundation

/// Work spread over the machine's cores, with results in the order of the input: what runs in
/// parallel gives the same bytes as a single-threaded run.
public enum Parallel {
    /// Every active processor (`workers` in nastavnik.toml may ask for fewer).
    public static var workers: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    /// `items.map(body)`, on up to `workers` threads; each thread takes the next item when it is
    /// done with one, so a large item does not hold up the others' share.
    public static func map<T: Sendable, R: Sendable>(_ items: [T], workers: Int = workers, _ body: @Sendable (T) -> R) -> [R] {
        guard workers > 1, items.count > 1 else { return items.map(body) }
        let results = UnsafeMutableBufferPointer<R?>.allocate(capacity: items.count)
        results.initialize(repeating: nil)
        defer {
            results.deinitialize()
            results.deallocate()
        }
        let next = Counter()
        let output = UncheckedBuffer(results)
        DispatchQueue.concurrentPerform(iterations: min(workers, items.count)) { _ in
            while case let i = next.take(), i < items.count {
                output.buffer[i] = body(items[i])
            }
        }
        return results.map { $0! }
    }

    /// The next index to take, shared by the threads.
    private final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        func take() -> Int {
            lock.lock()
            defer { lock.unlock() }
            value += 1
            return value - 1
        }
    }

    /// Each thread writes only the slots of the indices it took.
    private struct UncheckedBuffer<R>: @unchecked Sendable {
        let buffer: UnsafeMutableBufferPointer<R?>
        init(_ buffer: UnsafeMutableBufferPointer<R?>) { self.buffer = buffer }
    }
}
