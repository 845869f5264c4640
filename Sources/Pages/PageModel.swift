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

    /// Every value the page can show, in order: two models with the same identity make the same page.
    var identity: String {
        var out = ""
        appendIdentity(to: &out)
        return out
    }

    func appendIdentity(to out: inout String) {
        for field in Self.fields {
            out += field.name
            out += "="
            Self.append(Self.unwrapped(self[keyPath: field.path]), to: &out)
            out += "\u{1F}"
        }
    }

    private static func append(_ value: Any?, to out: inout String) {
        switch value {
        case nil: out += "\u{18}"
        case let text as String: out += text
        case let flag as Bool: out += flag ? "1" : "0"
        case let html as RenderedHTML: out += html.html
        case let model as any PageModel: model.appendIdentity(to: &out)
        case let list as [any PageModel]:
            for model in list {
                model.appendIdentity(to: &out)
                out += "\u{1E}"
            }
        default: preconditionFailure("a page shows text, flags, models and lists of them: \(type(of: value))")
        }
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

/// HTML a template of this module rendered (its values escaped by Mustache), to be placed in
/// another page as it is (`{{{…}}}`): what every school's page shares, laid out once a night.
struct RenderedHTML: Sendable, CustomStringConvertible {
    let html: String
    var description: String { html }
}
