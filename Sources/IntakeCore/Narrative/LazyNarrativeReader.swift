/// Builds the narrative reader the first time a description is read, so an interview that
/// never gets one does not pay for compiling the lexicon at start-up.
public final class LazyNarrativeReader {
  private var built: NarrativeReader?
  private let make: () -> NarrativeReader

  public init(_ make: @escaping () -> NarrativeReader) {
    self.make = make
  }

  public var reader: NarrativeReader {
    if let built { return built }
    let reader = make()
    built = reader
    return reader
  }
}
