import Foundation
import IntakeTestSupport
import Testing

/// `crs-intake offices`, end to end.
@Suite("crs-intake offices")
struct CLIOfficesTests {
  @Test("offices WA prints the route and the Seattle office")
  func washington() async throws {
    let result = try await CLI.run(["offices", "WA"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdoutLines.first == "Washington (WA) → West Region / Seattle Regional Office")
    #expect(
      result.stdout.contains(
        "Seattle Regional Office [seattle]: 915 Second Avenue, Suite 1808, Seattle, WA 98174 — phone 206-220-6700 — askcrs@usdoj.gov"))
    // The 2025 restructuring warning and the national fallback are always given.
    #expect(result.stdout.contains("restructured in 2025"))
    #expect(result.stdout.contains("askcrs@usdoj.gov"))
  }

  @Test("a state with a field office lists both offices; lower case works")
  func texas() async throws {
    let result = try await CLI.run(["offices", "tx", "--city", "Houston"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("Harris County, Texas (TX) → "))
    #expect(result.stdout.contains("[dallas]"))
    #expect(result.stdout.contains("[houston]"))
    // The split by county is shown, and flagged as an inference.
    #expect(result.stdout.contains("Split by county: Houston Field Office serves Aransas, Austin, Bee"))
    #expect(result.stdout.contains("This split by county is an inference"))
  }

  @Test("California by city: Westminster (Orange County) to Los Angeles alone, San Jose with San Francisco; in Vietnamese too")
  func california() async throws {
    let south = try await CLI.run(["offices", "CA", "--city", "Westminster"])
    #expect(south.stdoutLines.first == "Orange County, California (CA) → West Region / Los Angeles Regional Office")
    #expect(!south.stdout.contains("[san_francisco]"))
    let north = try await CLI.run(["offices", "CA", "--city", "San Jose", "--lang", "vi"])
    #expect(north.stdoutLines.first?.hasPrefix("Quận hạt Santa Clara, California (CA) → ") == true)
    #expect(north.stdout.contains("[san_francisco]"))
    #expect(north.stdout.contains("Việc phân bổ này là suy đoán"))
    let unknown = try await CLI.run(["offices", "CA", "--city", "Atlantis"])
    #expect(unknown.stdout.contains("'Atlantis' is not in the list of cities and counties for this state"))
  }

  @Test("Missing details are left out, never shown as a placeholder")
  func noPlaceholders() async throws {
    let result = try await CLI.run(["offices"])
    #expect(result.status == 0)
    #expect(!result.stdout.contains("—  —") && !result.stdout.contains("— —") && !result.stdout.contains("phone —"))
    #expect(result.stdout.contains("Erie Field Office [erie]: Erie Federal Courthouse, 17 S. Park Row, Erie, PA 16501 — askcrs@usdoj.gov"))
  }

  @Test("outside_us prints the national headquarters")
  func outside() async throws {
    let result = try await CLI.run(["offices", "outside_us"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("askcrs@usdoj.gov"))
    #expect(result.stdout.contains("202-305-2935"))
  }

  @Test("offices ZZ is a usage error (exit 64) on stderr")
  func unknownState() async throws {
    let result = try await CLI.run(["offices", "ZZ"])
    #expect(result.status == 64)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.contains("Unknown state 'ZZ'"))
    // Every accepted code is listed, none cut off.
    #expect(result.stderr.contains(", WV, WY, outside_us."))
    #expect(!result.stderr.contains("…"))
  }

  @Test("A state by its name in either language, any case, with or without diacritics, routes as its code does")
  func stateByName() async throws {
    let code = try await CLI.run(["offices", "TX"])
    for name in ["Texas", "texas", "TEXAS"] {
      let result = try await CLI.run(["offices", name])
      #expect(result.status == 0, "\(name): \(result.stderr)")
      #expect(result.stdout == code.stdout, "\(name)")
    }
    let washington = try await CLI.run(["offices", "washington", "--lang", "vi"])
    #expect(washington.stdout.contains("Văn phòng Khu vực Seattle"))
  }

  @Test("the directory lists every region with its offices and states")
  func directory() async throws {
    let result = try await CLI.run(["offices"])
    #expect(result.status == 0)
    for region in ["atlantic_north", "south", "midwest", "mountain_central", "west"] {
      #expect(result.stdout.contains("(\(region))"), "\(region)")
    }
    for office in ["boston", "new_york", "atlanta", "chicago", "dallas", "denver", "los_angeles", "seattle", "san_juan"] {
      #expect(result.stdout.contains("[\(office)]"), "\(office)")
    }
    let states = result.stdoutLines.filter { $0.hasPrefix("  States and territories: ") }
      .flatMap { $0.dropFirst("  States and territories: ".count).components(separatedBy: ", ") }
    #expect(states.count == 56)
    #expect(Set(states).count == 56)
  }

  @Test("Vietnamese output with --lang vi")
  func vietnamese() async throws {
    let result = try await CLI.run(["offices", "WA", "--lang", "vi"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("[seattle]"))
    #expect(hasVietnameseLetters(result.stdout))
  }
}
