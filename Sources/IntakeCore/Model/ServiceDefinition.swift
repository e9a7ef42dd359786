/// A CRS service in the catalogue (`Rules/services.yaml`). Its texts are in `Locales/`
/// under `service.<id>.*`.
public struct ServiceDefinition: Sendable, Equatable {
  public var id: String
  /// program, service, forum or training.
  public var kind: String
  public var source: String
  public var location: SourceLocation?

  public init(id: String, kind: String, source: String, location: SourceLocation? = nil) {
    self.id = id
    self.kind = kind
    self.source = source
    self.location = location
  }
}
