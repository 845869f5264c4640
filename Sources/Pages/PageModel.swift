import Mustache

/// A page's values as the templates look them up: by name, through key paths. (Mustache's default
/// is reflection, which cost more than everything else on a page.) A missing value is nil, and an
/// optional's nil is nil too, so that a section over it is skipped.
protocol PageModel: MustacheParent {
    /// Every value a template may show, in a fixed order.
    static var fields: [(name: String, path: PartialKeyPath<Self> & Sendable)] { get }
}

extension PageModel {
    func child(named name: String) -> Any? {
        guard let path = Self.fields.first(where: { $0.name == name })?.path else { return nil }
        return Self.unwrapped(self[keyPath: path])
    }

    private static func unwrapped(_ value: Any) -> Any? {
        if let optional = value as? OptionalValue { return optional.wrapped }
        return value
    }
}

private protocol OptionalValue {
    var wrapped: Any? { get }
}

extension Optional: OptionalValue {
    fileprivate var wrapped: Any? { self.map { $0 as Any } }
}
