import FuzzSupport
import IntakeCore
import IntakeLoading

/// One input as a data-cache file, read as the program reads it on start
/// (`DataCache.read`: the seal's header and SHA-256, then `IntakeDataCodec`, then compiling the
/// rules). A damaged seal is refused before decoding, so the input is also read with its seal
/// made good (its payload, or the whole input when it has no header, sealed afresh), which
/// puts the decoder itself under test, as a crafted file with a correct digest would. Data
/// that is read back is then used as a command uses it: a narrative reader is compiled from its
/// lexicon and reads a sentence, and an interview starts and takes one answer.
enum CacheTarget {
  /// The header of a sealed file: the magic text and the 32-byte digest.
  static let headerCount = DataCache.magic.count + 32

  static func run(_ file: [UInt8]) {
    if let data = DataCache.read(file) { use(data) }
    let payload = file.starts(with: DataCache.magic) && file.count >= headerCount ? Array(file[headerCount...]) : file
    if let data = DataCache.read(DataCache.sealed(payload)) { use(data) }
  }

  static func use(_ data: IntakeData) {
    guard let book = data.book else { fatalError("data read from the cache has no rule book") }
    let reader = NarrativeReader(lexicon: data.lexicon, book: book, catalog: data.catalog)
    _ = reader.read("Hôm qua cảnh sát đánh một người ở Seattle, WA. Police beat a man 3 days ago.")
    var conversation = Conversation(book: book, catalog: data.catalog, language: .vi, narrativeReader: reader)
    _ = conversation.start()
    _ = conversation.handle("1")
  }
}
