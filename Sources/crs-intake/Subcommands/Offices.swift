import ArgumentParser
import IntakeCore
import IntakeLoading
import IntakeReports
import IntakeScreening

extension CRSIntake {
  /// `crs-intake offices`: the office directory, or how one state routes.
  struct Offices: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "offices",
      abstract: "Print the CRS office directory, or how one state or territory routes.")

    @OptionGroup var data: DataOptions

    @Argument(help: "A state or territory: its code (WA, PR, ...) or name in either language (Texas, \"Hạ Uy Di\"), or outside_us.")
    var state: String?

    @Option(help: "A city or county, for a state split between field offices (CA, TX, FL, PA, MI, MO).")
    var city: String?

    @Option(help: "Output format: text, or json (one object, shape in the README).")
    var format: ReportFormat = .text

    func run() throws {
      let console = Console()
      let language = data.language
      let (loaded, book) = try data.loadValid(console: console)
      let catalog = loaded.catalog
      let directory = book.offices
      func t(_ key: String, _ arguments: [String: String] = [:]) -> String { catalog.text(key, language, arguments) }
      let national = directory.office(directory.nationalOffice)
      let restructured = t("offices.restructured", ["email": directory.nationalEmail, "phone": directory.nationalPhone])

      if let state {
        // A code, or a name in either language, any case, with or without diacritics.
        var code = state.count == 2 ? state.uppercased() : state
        if directory.route(for: code) == nil, code != "outside_us", let fact = book.ruleSet.fact("state"),
          case .value(.choice(let matched)) = AnswerMatcher(fact: fact, catalog: catalog).match(state)
        {
          code = matched
        }
        if format == .json, code == "outside_us" || directory.route(for: code) != nil {
          let routing = book.routing(state: book.ruleSet.fact("state")?.index(of: code), city: city)
          printJSON(directory, routing: (code, routing), catalog, language, console)
          try console.finish(catalog, language)
          return
        }
        if code == "outside_us" {
          console.print(nationalLine(directory, national, catalog, language))
          console.print(restructured)
          try console.finish(catalog, language)
          return
        }
        guard let route = directory.route(for: code) else {
          let near = Suggestion.nearest(to: state, in: directory.states.map(\.state)) ?? ""
          let accepted = directory.states.map(\.state) + ["outside_us"]
          console.error(
            catalog.problem(
              "offices.unknown-state", language, ["state": state, "expected": accepted.joined(separator: ", "), "suggestion": near]))
          throw ExitCode(64)
        }
        let stateIndex = book.ruleSet.fact("state")?.index(of: code)
        let routing = book.routing(state: stateIndex, city: city)
        let field = routing.fieldOffice.map { t("offices.route-field", ["field_office": t("office.\($0).name")]) } ?? ""
        var place = t("value.state.\(code)") + " (\(code))"
        if let county = routing.county { place = t("offices.county", ["county": county]) + ", " + place }
        console.print(
          t(
            "offices.route",
            [
              "state": place, "region": t("region.\(routing.region).name"),
              "office": t("office.\(routing.office).name"), "field": field,
            ]))
        for id in [routing.office] + (routing.fieldOffice.map { [$0] } ?? []) {
          if let office = directory.office(id) { console.print(officeLine(office, directory, catalog, language)) }
        }
        console.print(routing.confirmed ? t("offices.confirmed", ["source": route.source, "as_of": route.asOf]) : t("offices.unconfirmed"))
        for split in directory.countyRoutes where split.state == code {
          console.print(
            t("offices.split", ["field_office": t("office.\(split.fieldOffice).name"), "counties": split.counties.joined(separator: ", ")]))
          if !split.confirmed { console.print(t("offices.split-unconfirmed")) }
        }
        if let city, routing.county == nil, !directory.countyRoutes.filter({ $0.state == code }).isEmpty {
          console.print(t("offices.city-unknown", ["city": SafeText.visible(city)]))
        }
        console.print(restructured)
        try console.finish(catalog, language)
        return
      }

      if format == .json {
        printJSON(directory, routing: nil, catalog, language, console)
        try console.finish(catalog, language)
        return
      }
      console.print(t("offices.header", ["as_of": directory.asOf, "source": directory.source]))
      console.print(restructured)
      for region in directory.regions {
        console.print("")
        console.print(t("offices.region", ["name": t("region.\(region.id).name"), "id": region.id]))
        for office in directory.offices where office.region == region.id {
          console.print(officeLine(office, directory, catalog, language))
        }
        let states = directory.states.filter { $0.region == region.id }.map(\.state)
        if !states.isEmpty { console.print(t("offices.states", ["states": states.joined(separator: ", ")])) }
      }
      console.print("")
      console.print(nationalLine(directory, national, catalog, language))
      try console.finish(catalog, language)
    }

    private func printJSON(
      _ directory: OfficeDirectory, routing: (state: String, OfficeRouting)?, _ catalog: MessageCatalog, _ language: Language,
      _ console: Console
    ) {
      let report = OfficesReport(
        directory: directory, routing: routing, officeName: { catalog.text("office.\($0).name", language) },
        regionName: { catalog.text("region.\($0).name", language) })
      console.print(String(decoding: report.json, as: UTF8.self))
    }

    private func officeLine(
      _ office: OfficeDirectory.Office, _ directory: OfficeDirectory, _ catalog: MessageCatalog, _ language: Language
    ) -> String {
      let details = office.details(
        phoneText: { catalog.text("end.phone", language, ["phone": $0]) }, fallbackEmail: directory.nationalEmail)
      return catalog.text(
        "offices.office", language, ["name": catalog.text("office.\(office.id).name", language), "id": office.id, "details": details])
    }

    private func nationalLine(
      _ directory: OfficeDirectory, _ national: OfficeDirectory.Office?, _ catalog: MessageCatalog, _ language: Language
    ) -> String {
      catalog.text(
        "offices.national", language,
        [
          "office": catalog.text("office.\(directory.nationalOffice).name", language), "address": national?.address ?? "",
          "phone": directory.nationalPhone, "email": directory.nationalEmail,
        ])
    }
  }
}
