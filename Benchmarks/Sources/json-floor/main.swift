// The JSON floor: read JSON Lines from stdin, decode each line with Foundation's
// JSONSerialization and encode it again to stdout. Screening is compared with this: it
// does the same decoding and encoding plus the rules, so the ratio shows the engine's cost.
import Foundation

/// Decodes and re-encodes every line of standard input.
func roundTrip() {
  let input = FileHandle.standardInput
  var output = Data()
  output.reserveCapacity(1 << 17)
  var pending = Data()

  func emit(_ line: Data) {
    guard !line.isEmpty, let object = try? JSONSerialization.jsonObject(with: line),
      let encoded = try? JSONSerialization.data(withJSONObject: object)
    else { return }
    output.append(encoded)
    output.append(0x0A)
    if output.count >= 1 << 16 {
      FileHandle.standardOutput.write(output)
      output.removeAll(keepingCapacity: true)
    }
  }

  while true {
    let chunk = input.readData(ofLength: 1 << 16)
    if chunk.isEmpty { break }
    pending.append(chunk)
    var start = pending.startIndex
    while let newline = pending[start...].firstIndex(of: 0x0A) {
      emit(pending[start..<newline])
      start = pending.index(after: newline)
    }
    pending = Data(pending[start...])
  }
  emit(pending)
  FileHandle.standardOutput.write(output)
}

roundTrip()
