/**
 * German texts for catalogues with `vocabulary: 'organisation'` (issue 13): each entry replaces the
 * message at that dotted key while such a catalogue is in use (see applyVocabulary in ./vocabulary).
 * die Kommune → die Organisation, der Fachbereich → der Bereich, Amtsleitung → Bereichsleitung,
 * Gesamtverwaltung → gesamte Organisation, Rat → Leitung. Loaded lazily, only when needed.
 * vocabulary.en.ts has the same keys; tests/unit/vocabulary.test.ts checks keys, placeholders, that
 * no Kommune/Fachbereich is left, and that every base text using these words is here or listed below.
 *
 * Deliberately NOT overlaid (their Kommune/Fachbereich wording is a legal or factual statement that is
 * only true for German municipalities, or belongs to a fixed worked example):
 * - orgType.gemeinde: a legal kind of local authority, one option beside Stadt and Kreis.
 * - m2.addressee.kommune, m2.addressee.schultraeger, m2.addressee.kommune_unternehmer,
 *   m2.addressee.kommunales_unternehmen, m2.obligation.companyDuty: addressees of legal duties as the
 *   law names them (OZG, Gemeindeordnung and the like).
 * - method2.pDeadlines: legal background of the method page (a rule binds a Kommune in its Land).
 * - method2.pExample1, method2.pExample2: the worked example is a Gemeinde in NRW; a test recomputes
 *   its numbers, and its Bürgerdienste and Bauamt return in method2.pExample4.
 * - inventory.empty, inventory.execution.kommune, inventory.execution.varies,
 *   inventory.execution.intake: the Leistungsinventar's starter list and execution levels describe
 *   municipal OZG services.
 * - a11y.* (organisationFallback, parts.easy.alternative, contactPlaceholderHint, enforcementText,
 *   federal): the accessibility statement (BITV) of the deploying public body.
 * - easy.* (what.p4–p7, who.p2–p4, answer.na, access.p4, help.contactPlaceholder): the Leichte
 *   Sprache page, written for the public body that runs the check.
 * - privacy.p1, privacy.p3, privacy.p5: the privacy page (GDPR controller statement).
 */
const overlay: Record<string, string> = {
  // de.ts
  'app.subtitle': 'Organisation',
  'app.orgSwitcher': 'Organisation wählen',
  'app.noOrg': 'Keine Organisation angelegt',
  'deptKind.specialist': 'Bereich / Fachabteilung',
  // Fachamt is municipal, too; the short form matches deptKind.specialist.
  'deptKindShort.specialist': 'Fachabteilung',
  'start.intro': 'Jeder Bereich schätzt Punkt für Punkt ein, wo er bei der Digitalisierung steht (Ist), was er braucht (Bedarf) und was sie ihm bringen kann (Potenzial). Daraus entstehen Reifegrade und priorisierte Maßnahmen.',
  'start.emptyTitle': 'Noch keine Organisation angelegt',
  'start.emptyText': 'Legen Sie Ihre Organisation an oder sehen Sie sich zuerst die Demo „Musterstadt“ an.',
  'start.createOrg': 'Organisation anlegen',
  'start.demoLoaded': 'Die Demo „Musterstadt“ wurde geladen.',
  'start.demoExists': 'Die Demo „Musterstadt“ ist bereits vorhanden.',
  'start.demoConfirmTitle': 'Demo „Musterstadt“ hinzufügen?',
  'start.demoConfirmText': 'Die Demo „Musterstadt“ wird als eigene Organisation mit Beispieldaten hinzugefügt und ausgewählt. Die Daten von „{org}“ bleiben unverändert; oben unter „Organisation wählen“ wechseln Sie zurück.',
  'start.noRound': 'Für diese Organisation gibt es noch keine Erhebungsrunde.',
  'start.noDepartments': 'Es sind noch keine Bereiche angelegt.',
  'start.addDepartments': 'Bereiche anlegen',
  'start.departments': 'Bereiche und Fortschritt',
  'start.respondentHelp': 'Name oder Funktion, z. B. „Bereichsleitung“. Leer lassen für eine anonyme Erfassung. Mehrere Personen je Bereich sind möglich.',
  'start.table.department': 'Bereich',
  'setup.orgSection': 'Organisation',
  'setup.newOrg': 'Neue Organisation',
  'setup.editOrg': 'Organisation bearbeiten',
  'setup.orgName': 'Name der Organisation',
  'setup.deleteOrg': 'Organisation löschen',
  'setup.deleteOrgText': '„{name}“ wird mit {departments} Bereichen, {rounds} Erhebungsrunden, {assessments} Fragebögen und {answers} Antworten gelöscht.',
  'setup.departmentsSection': 'Bereiche',
  'setup.addDepartment': 'Bereich hinzufügen',
  'setup.editDepartment': 'Bereich bearbeiten',
  'setup.deleteDepartment': 'Bereich löschen',
  'setup.noDepartments': 'Noch keine Bereiche.',
  'q.ist': 'Ist-Stand: Wo steht Ihr Bereich heute?',
  'q.naHelp': 'Die Frage betrifft Ihren Bereich nicht. Sie zählt nicht in die Auswertung.',
  'q.bedarfQuestion': 'Wie dringend braucht Ihr Bereich hier Verbesserung?',
  'q.bedarfDefinition': 'Bedarf: wie dringend Ihr Bereich bei dieser Frage für die eigene Arbeit eine Verbesserung braucht – etwa wegen Fallzahlen, Fristen, Beschwerden oder Personalengpässen.',
  'q.fundamentHelp': 'Diese Frage wird einmal für die ganze Organisation beantwortet, nicht je Bereich. Zuständig: {owner}. Die schwächste Fundament-Antwort begrenzt das Gesamtergebnis.',
  'q.toResult': 'Zum Ergebnis des Bereichs',
  'result.noAssessments': 'Für diesen Bereich liegt in dieser Runde noch kein Fragebogen vor.',
  'results.orgTitle': 'Ergebnis der Organisation: {org}',
  'results.orgScore': 'Reifegrad der Organisation',
  'results.weighting': 'Gewichtung der Bereiche',
  'results.weightingEqual': 'gleich (Mittelwert der Bereiche)',
  'results.staffFallback': 'Für keinen Bereich ist eine Beschäftigtenzahl angegeben; es wird gleich gewichtet.',
  'results.byDepartment': 'Reifegrad je Bereich',
  'results.department': 'Bereich',
  'results.orgMean': 'Mittel der Organisation',
  'data.backupText': 'Speichert alle Organisationen, Bereiche, Erhebungsrunden und Antworten in einer JSON-Datei. Mit dieser Datei können Sie alles in diesem oder einem anderen Browser wiederherstellen.',
  'data.tables.organisations': 'Organisationen',
  'data.tables.departments': 'Bereiche',
  'data.orgs': 'Organisationen',
  'data.orgRow': 'Organisation gesamt',
  'data.clearText': 'Entfernt alle Organisationen, Bereiche, Runden und Antworten aus diesem Browser. Erstellen Sie vorher eine Sicherung.',
  'workshop.methodRule': 'Wird ein Bereich in einem Workshop besprochen, hält die Moderation je Frage den gemeinsam festgelegten Wert fest. Wo ein solcher Wert festgehalten ist, zählt er in allen Ergebnissen statt des Medians der Befragten; die Frage gilt dann nicht mehr als „zu besprechen“. Fragen ohne festgehaltenen Wert – auch solche mit „weiß nicht“ im Workshop – werden weiter aus dem Median berechnet.',
  'quarantine.tables.organisations': 'Organisationen',
  'quarantine.tables.departments': 'Bereiche',

  // analysis.de.ts
  'm2.organisationMean': 'Organisation gesamt (ohne Begrenzung)',
  'm2.obligation.notDutyHere': 'Für diese Organisation keine Rechtspflicht – hier als Empfehlung',
  'm2.rec.reachDepartments': 'betrifft {share} der Bereiche',
  'm2.report.summaryCapped': 'An der Erhebung „{round}“ haben {departments} Bereiche mit {respondents} befragten Personen teilgenommen. Das Gesamtergebnis liegt bei {score} von 100: Es ist durch die schwächste Grundlage des Fundaments begrenzt; ohne diese Begrenzung läge der Mittelwert bei {mean} (Abdeckung {coverage}).',
  'm2.report.noDuties': 'Für diese Organisation wird keine Rechtspflicht ausgelöst.',
  'rec.intro': 'Priorisierte Empfehlungen für die gesamte Organisation. Jede Maßnahme nennt die Bereiche und Fragen, die sie auslösen.',
  'rec.classHelp.leitprojekt': 'Hohe Wirkung, hoher Aufwand, betrifft mehrere Bereiche.',
  'rec.departments': 'Bereiche',
  'rec.reasonTable': 'Begründung: auslösende Bereiche und Fragen',
  'dept.radarLabel': 'Netzdiagramm: Reifegrad von {department} je Dimension im Vergleich zum Mittel der Organisation. Die Werte stehen in der Tabelle darunter.',
  'dept.radarCaption': 'Reifegrad je Dimension (0–100) im Vergleich zum Mittel der Organisation',
  'dept.recommendations': 'Empfohlene Maßnahmen für diesen Bereich',
  'dept.noRecommendations': 'Für diesen Bereich werden derzeit keine Maßnahmen ausgelöst.',
  'compare.needTwo': 'Für einen Vergleich braucht die Organisation mindestens zwei Erhebungsrunden.',
  'compare.byDimension': 'Veränderung je Dimension (Organisation)',
  'compare.byDepartment': 'Veränderung je Bereich und Dimension',
  'compare.trendLabel': 'Liniendiagramm: Reifegrad der Organisation über alle Erhebungsrunden. Die Werte stehen in der Tabelle.',
  'compare.includeAll': 'Alle Bereiche einbeziehen (auch die nur in einer Runde bewerteten; ungleiche Grundlage)',
  'compare.scopeCommon': 'Verglichen werden nur die {n} Bereiche, die in beiden Runden bewertet wurden, damit Gleiches mit Gleichem verglichen wird. Die Tabelle je Bereich zeigt alle.',
  'compare.scopeAll': 'Jede Runde mit allen ihren Bereichen ({a} und {b} bewertete Bereiche): Die Grundlagen sind ungleich, die Veränderung kommt teils aus den unterschiedlichen Bereichen.',
  'compare.orgScore': 'Organisation gesamt',
  'dashboard.heatmap': 'Reifegrad je Bereich und Dimension',
  'dashboard.orgRow': 'Organisation',
  'dashboard.ranking': 'Rangfolge der Bereiche',
  'dashboard.profile': 'Profil der Organisation',
  'dashboard.profileLabel': 'Balkendiagramm: Reifegrad der Organisation je Dimension. Die Werte stehen in der Tabelle daneben.',

  // files.de.ts
  'exchangeErrors.reason.departmentOrganisation': 'Organisation des Bereichs',
  'csv.answers.organisation': 'Organisation',
  'csv.answers.department': 'Bereich',
  'csv.scores.department': 'Bereich',
  'csv.measures.departments': 'Betroffene Bereiche',
  'exchange.intro': 'Verteilen Sie Fragebögen als Datei an die Bereiche (per E-Mail oder über einen gemeinsamen Ordner) und führen Sie die Rücksendungen hier wieder zusammen. Jede Antwort wird einzeln abgeglichen: Nichts geht verloren, und widersprüchliche Änderungen legen Sie selbst fest.',
  'exchange.exportText': 'Ein Paket enthält die Erhebungsrunde, den Bereich, den Fragenkatalog und die bisherigen Antworten. Die Empfängerin öffnet die App, wählt die Datei aus und kann sofort antworten – ohne Einrichtung.',
  'exchange.kindName.organisation': 'Organisation',
  'exchange.kindName.department': 'Bereich',
  'exchange.mergeError.foreignId': 'Die Datei enthält einen Datensatz ({kind} {id}), der hier zu einer anderen Organisation gehört. Sie wird aus Sicherheitsgründen nicht übernommen.',
  'exchange.mergeError.unknownOrganisation': 'Die Rücksendung gehört zur Organisation „{name}“, die es in diesem Browser nicht gibt. Öffnen Sie sie auf dem Gerät, auf dem das Paket erstellt wurde.',
  'exchange.mergeError.unknownDepartment': 'Den Bereich „{name}“ gibt es in diesem Browser nicht.',
  'exchange.agendaConflict.field.ownerDepartmentId': 'Verantwortlich (Bereich)',
  'exchange.replaceText': 'Alle Organisationen, Fragebögen und Antworten in diesem Browser werden gelöscht und durch den Inhalt der Datei ersetzt. Änderungen, die nicht in der Datei stehen, gehen verloren. Empfohlen ist stattdessen „Übernehmen“ (zusammenführen).',
  'catalogs.noRounds': 'Die aktive Organisation hat noch keine Erhebungsrunde.',

  // method.de.ts
  // The council (Rat) is municipal too; an organisation explains its figures to its management.
  'method.intro': 'So entstehen die Zahlen des Digitalisierungs-Checks. Die Methode ist bewusst einfach, damit sie in der Leitung erklärt und nachgerechnet werden kann.',
  'method.h2': '2. Dimension, Bereich, Organisation',
  'method.p2': 'Der Reifegrad einer Dimension ist der gewichtete Mittelwert der beantworteten Fragen dieser Dimension. Der Reifegrad eines Bereichs ist der Mittelwert seiner Dimensionen. Der Reifegrad der Organisation ist der Mittelwert der Bereiche – wahlweise gewichtet nach deren Beschäftigtenzahl.',
  'method.p3': 'Beantworten mehrere Personen den Fragebogen eines Bereichs, zählt je Frage der Median ihrer Stufen. Liegen die Antworten zwei oder mehr Stufen auseinander, wird die Frage als „zu besprechen“ markiert.',
  'method.p5': 'Eine Maßnahme wird ausgelöst, wenn eine ihrer Fragen in einem Bereich auf oder unter einer festgelegten Stufe liegt. Ihre Lückensumme ist die Summe der Lücken aller auslösenden Fragen, jeweils gewichtet mit 1 + (Bedarf + Potenzial) ÷ 4, über alle Bereiche. Die Priorität ist Lückensumme × Wirkung ÷ Aufwand; Wirkung und Aufwand stehen im Katalog, je auf einer Skala von 1 bis 5.',
  'method.p5b': 'Maßnahmen mit rechtlicher Grundlage werden als „Rechtspflicht“ immer zuerst gezeigt. Quick Wins haben hohe Wirkung bei geringem Aufwand, Leitprojekte hohe Wirkung bei hohem Aufwand in mehreren Bereichen.',
  'method2.intro': 'Erhebungsrunden mit einem Fragenkatalog ab Version 2.0 werden nach Methode 2.0 ausgewertet. So entstehen die Zahlen – einfach genug, um sie in der Leitung zu erklären und nachzurechnen.',
  'method2.pFundament1': 'Manche Grundlagen gibt es in einer Organisation nur einmal: Digitalstrategie, Informationssicherheitsbeauftragte, Datenschutzbeauftragte, Datensicherung. Diese Fundament-Fragen beantworten die zentralen Dienste einmal für die gesamte Organisation; die Bereiche sehen sie nicht. Antworten mehrere Personen, zählt der Median ihrer Antworten; ein im Workshop festgehaltener Wert geht vor.',
  'method2.pFundament2': 'Der Reifegrad der Organisation wird Frage für Frage gebildet, und jede Frage zählt genau einmal: eine Frage der Bereiche mit dem Mittelwert der Bereiche, eine Fundament-Frage mit dem Wert der gesamten Organisation. So können viele gute Bereiche eine fehlende Grundlage nicht überdecken. Die Ergebnisse der einzelnen Bereiche enthalten die Fundament-Fragen nicht.',
  'method2.pLevel1': 'Jede Frage wird auf den Stufen 0 bis 4 beantwortet und in einen Wert von 0 bis 100 umgerechnet: Stufe 0 = 0, Stufe 1 = 25, Stufe 2 = 50, Stufe 3 = 75, Stufe 4 = 100. Eine Dimension ist der gewichtete Mittelwert ihrer beantworteten Fragen, ein Bereich der Mittelwert seiner Dimensionen. „Nicht zutreffend“ nimmt eine Frage ganz aus der Rechnung.',
  'method2.pReach': 'Reichweite: Lücken im Fundament zählen für die gesamte Organisation, und zwar doppelt, weil sie alle betreffen und das Gesamtergebnis begrenzen. Lücken in Bereichen zählen nach Beschäftigten – der Wert ist der Durchschnitt über alle Bereiche, gewichtet mit ihrer Beschäftigtenzahl. Eine Maßnahme, die viele Beschäftigte betrifft, hat deshalb mehr Wert als eine für einen kleinen Bereich mit den gleichen Lücken.',
  'method2.pCoverage': 'Bereiche, die weniger als die Hälfte ihrer Fragen beantwortet haben, lösen keine Maßnahmen aus („zu wenige Antworten“).',
  'method2.formula2': 'Reifegrad einer Dimension = gewichteter Mittelwert der Werte ihrer beantworteten Fragen; Reifegrad eines Bereichs = Mittelwert seiner Dimensionen (ohne Fundament).',
  'method2.formula3': 'Reifegrad der Organisation = Mittelwert der Dimensionen; darin zählt jede Frage einmal: mit dem Mittelwert der Bereiche (wahlweise nach Beschäftigten gewichtet) oder, als Fundament-Frage, mit dem Wert der gesamten Organisation.',
  'method2.formula4': 'Gesamtergebnis = der kleinere Wert aus Reifegrad der Organisation und Wert der schwächsten Fundament-Frage; Reifestufe = Gesamtergebnis ÷ 25, abgerundet (0 bis 4).',
  'method2.formula7': 'Wert einer Maßnahme = Summe ihrer Fundament-Beiträge + Summe über die Bereiche (Beschäftigte × Beiträge des Bereichs) ÷ Beschäftigte aller Bereiche mit genug Antworten. Fehlt bei einem Bereich die Beschäftigtenzahl, zählt jeder Bereich gleich.',

  // report.de.ts
  'report.summaryText': 'An der Erhebung „{round}“ haben {departments} Bereiche mit {respondents} befragten Personen teilgenommen. Der Reifegrad der Organisation liegt bei {score} von 100 (Abdeckung {coverage}).',
  'report.heatmap.title': 'Bereiche und Dimensionen',
  'report.annex': 'Anhang: Ergebnisse je Bereich',
  'report.organisationCol': 'Organisation',
  'report.annexIntro': 'Je Bereich: der Reifegrad je Dimension neben dem der Organisation und die wichtigsten Maßnahmen für den Bereich.',
  'report.s.changeBasis': 'Verglichen werden nur die {n} Bereiche, die in beiden Runden bewertet wurden.',
  'report.s.changeBasisItems': 'Verglichen werden nur die {n} Bereiche, die in beiden Runden bewertet wurden, und die {items} Fragen, die beide Kataloge gemeinsam haben.',
  'report.s.noPrevious': 'Es gibt keine frühere Runde dieser Organisation; eine Veränderung lässt sich noch nicht angeben.',

  // strategy.de.ts
  'agenda.noOrg': 'Richten Sie zuerst eine Organisation ein.',
  'agenda.none': 'Für diese Organisation gibt es noch keine Digitale Agenda. Erstellen Sie eine erste Fassung aus den Empfehlungen der aktuellen Erhebungsrunde: alle ausgelösten Rechtspflichten, bis zu zehn Leitprojekte und die Quick Wins. Danach ordnen Sie Handlungsfelder, Verantwortliche, Termine und Budgets zu.',
  'agenda.header.versionHelp': 'Zum Beispiel 1.0; eine Fortschreibung nach Beschluss der Leitung als 2.0.',
  'agenda.field.owner': 'Verantwortlich (Bereich)',
  'agenda.issue.unknownDepartment': 'Den Bereich gibt es nicht (mehr).',
  'agenda.report.maturityBasis': 'Vergleich „{previous}“ → „{current}“ auf den Bereichen, die in beiden Runden bewertet wurden.',
  'inventory.noOrg': 'Bitte legen Sie zuerst unter „Einrichtung“ eine Organisation an.',
  'inventory.column.department': 'Bereich',
  'inventory.importError.unknown_department': 'Zeile {row}: Bereich „{value}“ ist nicht angelegt.',
  'inventory.importError.ambiguous_department': 'Zeile {row}: „{value}“ passt auf {count} Bereiche.',
  'inventory.form.noDepartment': 'kein Bereich',
  'inventory.starter.help': 'Typische Leistungen von Städten und Gemeinden. Wählen Sie die Leistungen, die Ihre Organisation erbringt; Bereich, Kanäle, Fallzahlen und Bewertung ergänzen Sie danach. Leistungen mit gleichem Namen sind schon vorhanden und werden übersprungen.',
  // The import recognises the heading "Organisationseinheit" (src/domain/services/import.ts), not "Bereich".
  'inventory.import.help': 'Eine Tabelle mit einer Zeile je Leistung und Spaltenüberschriften in der ersten Zeile, z. B. Leistung; Organisationseinheit; Kanäle; Fallzahl; Online seit; Online-Bezahlung; Formular; Bemerkung. Nur „Leistung“ ist Pflicht. Der Bereich wird über Kürzel oder Namen zugeordnet.',

  // workshop.de.ts
  'workshop.noRespondents': 'Für diesen Bereich liegen in dieser Runde noch keine Fragebögen vor. Der Workshop kann die Werte trotzdem festhalten.',
  'workshop.toResult': 'Zum Ergebnis des Bereichs',
  'workshop.notFound': 'Dieser Bereich oder diese Erhebungsrunde wurde nicht gefunden.',
  'workshop.noItems': 'Für diesen Bereich gibt es im Fragenkatalog keine Fragen.',
}

export default overlay
