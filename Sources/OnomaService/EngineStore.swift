import Foundation
import NIOConcurrencyHelpers
import Onoma

/// The engine the service answers with, and what it was loaded from: replaced whole by `reload()`.
///
/// A request takes the current `Snapshot` once, when it starts, and uses only that: a reload that finishes meanwhile
/// swaps in a new snapshot for later requests, and the old engine is freed when the last request holding it ends.
public final class EngineStore: Sendable {
    /// One loaded engine with the indexes the entity routes use.
    public struct Snapshot: Sendable {
        public let engine: Engine
        let catalog: EntityCatalog
        /// 1 for the engine loaded at start, one more for each successful reload.
        public let generation: Int
        /// When loading finished.
        public let loadedAt: Date
    }

    private let loader: @Sendable () throws -> Engine
    private let current: NIOLockedValueBox<Snapshot>
    /// Held for a whole reload, so that two reloads (two quick SIGHUPs) run one after the other.
    private let reloading = NIOLock()

    /// Loads the first engine with `loader` (throwing what it throws); `reload()` calls it again.
    public init(loader: @escaping @Sendable () throws -> Engine) throws {
        self.loader = loader
        current = NIOLockedValueBox(Self.snapshot(try loader(), generation: 1))
    }

    /// The engine requests starting now use.
    public var snapshot: Snapshot { current.withLockedValue { $0 } }

    /// Loads the gazetteers again and, if that works, makes the new engine current; on failure the current engine
    /// stays and the error is thrown. CPU-bound and blocking (about as long as start-up): call it off the event loops.
    @discardableResult
    public func reload() throws -> Snapshot {
        try reloading.withLock {
            let engine = try loader()
            let next = Self.snapshot(engine, generation: snapshot.generation + 1)
            current.withLockedValue { $0 = next }
            return next
        }
    }

    private static func snapshot(_ engine: Engine, generation: Int) -> Snapshot {
        Snapshot(engine: engine, catalog: EntityCatalog(entities: engine.entities), generation: generation, loadedAt: Date())
    }
}
