// Languages of the console (English, Vietnamese) and formatting of numbers, money and dates for the chosen one.

const KEY = 'ledger.language';

const en = {
  'app.title': 'Border Cooperation Ledger', skip: 'Skip to content', 'lang.label': 'Language', signOut: 'Sign out',
  notFound: 'No such page.', forbiddenPage: 'This page needs the role {role}.',
  'nav.figures': 'Figures', 'nav.markers': 'Markers', 'nav.agreements': 'Agreements', 'nav.cases': 'Repatriation cases',
  'nav.indicators': 'Indicators', 'nav.record': 'Record a fact', 'nav.audit': 'Audit', 'nav.operations': 'Operations',
  'kind.agreements': 'Agreement', 'kind.repatriation-cases': 'Repatriation case', 'kind.markers': 'Marker', 'kind.indicators': 'Indicator',

  'signIn.title': 'Sign in', 'signIn.oidc': 'Identity provider', 'signIn.oidcButton': 'Sign in with your organisation',
  'signIn.demo': 'Demo identities of the local run', 'signIn.demoHelp': 'Offered only to a browser on the machine that runs the ledger.',
  'signIn.paste': 'Paste a token', 'signIn.token': 'Bearer token (JWT)', 'signIn.tokenHelp': 'Kept in this tab only, never in the address or on disk.',
  'signIn.button': 'Sign in', 'signIn.done': 'Signed in.', 'signIn.notAToken': 'This is not a JWT.',
  'signIn.expired': 'This token has expired.', 'signIn.noRoles': 'This token carries no roles.',
  'identity.kienGiangUnit': 'Kiên Giang unit', 'identity.kampotUnit': 'Kampot unit', 'identity.auditor': 'Auditor', 'identity.admin': 'Administrator',

  'figures.title': 'Programme figures', 'figures.period': 'Period', 'figures.year': 'Year', 'figures.pickYear': 'Choose…',
  'figures.from': 'From', 'figures.to': 'To', 'figures.show': 'Show', 'figures.toBeforeFrom': '“To” is before “From”.',
  'figures.periodShown': '{from} – {to}', 'figures.position': 'read model at position {position}',
  'figures.openFacts': 'Show the facts', 'figures.overYears': 'Over the years',
  'figures.overYearsHelp': 'Each year on its own: a figure reported for several years counts in a period that holds all of them.',
  'figure.REMAINS_RECOVERED': 'Remains recovered', 'figure.REMAINS_REPATRIATED': 'Remains repatriated',
  'figure.MARKERS_COMPLETED': 'Markers completed', 'figure.TRADE_TURNOVER_USD': 'Trade turnover',
  'figure.EXPORTS_USD': 'Exports', 'figure.IMPORTS_USD': 'Imports', 'figure.VISITORS_VN_TO_KH': 'Visitors Viet Nam → Cambodia',
  'figure.VISITORS_KH_TO_VN': 'Visitors Cambodia → Viet Nam', 'figure.AGREEMENTS_IN_FORCE': 'Agreements in force',
  'facts.title': 'Facts behind “{figure}”', 'facts.count': '{count} facts', 'facts.none': 'No fact in this period.',
  'facts.position': 'Position', 'facts.date': 'Date', 'facts.event': 'Event', 'facts.aggregate': 'Record',
  'facts.amount': 'Amount (old → new)', 'facts.submitter': 'Submitted by', 'facts.unit': 'Unit', 'facts.recordedAt': 'Recorded at',
  'chart.remainsMarkers': 'Remains and markers per year', 'chart.trade': 'Trade per year (USD)',
  'chart.visitors': 'Visitors per year', 'chart.agreements': 'Agreements in force per year', 'chart.table': 'Data as a table', 'chart.year': 'Year',

  'event.AgreementSigned': 'Agreement signed', 'event.AgreementReviewed': 'Agreement reviewed', 'event.AgreementAmended': 'Agreement amended',
  'event.AgreementTerminated': 'Agreement terminated', 'event.RepatriationCaseOpened': 'Case opened', 'event.RemainsRecovered': 'Remains recovered',
  'event.RemainsRepatriated': 'Remains repatriated', 'event.MarkerPlanned': 'Marker planned', 'event.MarkerCompletionReported': 'Completion reported',
  'event.MarkerCompleted': 'Completion confirmed', 'event.MarkerDamaged': 'Damage reported', 'event.MarkerRepaired': 'Repair recorded',
  'event.IndicatorReported': 'Figure reported', 'event.IndicatorCorrected': 'Figure corrected',

  'markers.title': 'Border markers', 'markers.geojson': 'Download GeoJSON', 'markers.legend': 'Legend', 'markers.map': 'Map of the border markers',
  'markers.planned': 'planned position', 'markers.surveyed': 'surveyed position', 'markers.list': '{count} markers',
  'markers.schematic': 'Schematic map drawn from data shipped with the ledger (coast, border line, towns, the Hà Tiên – Prek Chak crossing); not for survey.',
  'marker.id': 'Marker', 'marker.type': 'Type', 'marker.status': 'Status', 'marker.responsibleSide': 'Responsible side',
  'marker.confirmed': 'Confirmed', 'marker.plannedPoint': 'Planned point', 'marker.surveyedPoint': 'Surveyed point',
  'marker.completedOn': 'Completed on', 'marker.confirmedOn': 'Confirmed on', 'marker.damagedOn': 'Damaged on', 'marker.repairedOn': 'Repaired on',
  'status.PLANNED': 'Planned', 'status.REPORTED': 'Reported built', 'status.COMPLETED': 'Completed', 'status.DAMAGED': 'Damaged',
  'status.REPAIRED': 'Repaired', 'status.IN_FORCE': 'In force', 'status.EXPIRED': 'Expired', 'status.TERMINATED': 'Terminated',
  'type.MAIN': 'Main', 'type.SUB': 'Sub-marker', 'type.REFERENCE': 'Reference', 'side.VN': 'Viet Nam', 'side.KH': 'Cambodia',
  'side.undefined': '—', 'side.null': '—',
  'filter.any': 'Any', 'filter.apply': 'Apply',

  'agreements.title': 'Cooperation agreements', 'cases.title': 'Remains repatriation cases', 'indicators.title': 'Cooperation indicators',
  'list.total': '{count} in all', 'list.empty': 'Nothing to show.',
  'pager.label': 'Pages', 'pager.previous': 'Previous', 'pager.next': 'Next', 'pager.page': 'Page {page} of {pages}',
  'agreement.id': 'Agreement', 'agreement.title': 'Title', 'agreement.parties': 'Parties', 'agreement.status': 'Status',
  'agreement.validity': 'Valid', 'agreement.signedOn': 'Signed on', 'agreement.place': 'Place', 'agreement.documentRef': 'Document reference',
  'agreement.domains': 'Fields of cooperation', 'agreement.signatories': 'Signatories', 'agreement.terminatedOn': 'Terminated on',
  'agreement.reviews': 'Reviews', 'agreement.partyVN': 'Vietnamese party', 'agreement.partyKH': 'Cambodian party',
  'agreement.signatoryName': 'Signatory name', 'agreement.signatoryTitle': 'Signatory title', 'agreement.signatoryProvince': 'Signatory province',
  'agreement.validFrom': 'Valid from', 'agreement.validTo': 'Valid to', 'agreement.reviewedOn': 'Reviewed on',
  'agreement.amendedOn': 'Amended on', 'agreement.newValidTo': 'New end of validity', 'agreement.newDomains': 'New fields of cooperation',
  'domain.BORDER_SECURITY': 'Border security', 'domain.CRIME_PREVENTION': 'Crime prevention', 'domain.TRADE': 'Trade', 'domain.TOURISM': 'Tourism',
  'domain.ENERGY': 'Energy', 'domain.HEALTH': 'Health', 'domain.AGRICULTURE_FORESTRY_FISHERIES': 'Agriculture, forestry, fisheries',
  'domain.CULTURE_AND_SPORT': 'Culture and sport', 'domain.PEOPLE_TO_PEOPLE_EXCHANGE': 'People-to-people exchange',
  'domain.REMAINS_REPATRIATION': 'Remains repatriation', 'domain.BORDER_DEMARCATION': 'Border demarcation',
  'case.id': 'Case', 'case.season': 'Search season', 'case.searchProvince': 'Province searched', 'case.searchingUnit': 'Searching unit',
  'case.recovered': 'Recovered', 'case.repatriated': 'Repatriated', 'case.remaining': 'Awaiting repatriation', 'case.firstRecoveredOn': 'First recovery',
  'case.recoveredOn': 'Recovered on', 'case.repatriatedOn': 'Repatriated on', 'case.siteProvince': 'Site province',
  'case.siteDistrict': 'Site district', 'case.siteCommune': 'Site commune', 'case.receivingUnit': 'Receiving unit',
  'indicator.id': 'Indicator', 'indicator.kind': 'Kind', 'indicator.period': 'Period', 'indicator.value': 'Value',
  'indicator.corrections': 'Corrections', 'indicator.borderGate': 'Border gate', 'indicator.source': 'Source', 'indicator.reportingProvince': 'Reported by province',
  'detail.state': 'Current state', 'detail.timeline': 'Timeline', 'detail.audit': 'Audit trail of this record',
  'detail.recordedBy': 'by {submitter}, {unit} ({province}) · recorded {at} · position {position}', 'detail.payload': 'Recorded data',

  'record.title': 'Record a fact', 'record.as': 'You record as {unit}, {province} ({side}).', 'record.choose': 'Kinds of fact',
  'record.submit': 'Record', 'record.fixFields': 'Some fields need attention.', 'record.refused': 'Refused ({status}).',
  'record.accepted': 'Recorded {id} at position {position}.', 'record.newState': 'Now on record for {id}', 'record.openDetail': 'Open its page',
  'record.notYetVisible': 'Recorded at position {position}; the read side has not shown it yet.',
  'form.sign-agreement': 'Sign an agreement', 'form.review-agreement': 'Record a review', 'form.amend-agreement': 'Amend an agreement',
  'form.terminate-agreement': 'Terminate an agreement', 'form.open-case': 'Open a search case', 'form.record-recovery': 'Record a recovery',
  'form.record-repatriation': 'Record a repatriation', 'form.plan-marker': 'Plan a marker', 'form.report-completion': 'Report a marker built',
  'form.confirm-completion': 'Confirm a marker built by the other side', 'form.report-damage': 'Report damage to a marker',
  'form.record-repair': 'Record a repair', 'form.report-indicator': 'Report a figure', 'form.correct-indicator': 'Correct a figure',
  'form.target': 'Record id', 'form.idHelp': 'Leave empty to have one generated.', 'form.unitHelp': 'Empty: your unit.',
  'form.valueHelp': 'USD for trade, persons for visitors.', 'form.required': '* required', 'form.notAfterToday': 'Not after today on the border ({today}).',
  'form.periodFrom': 'Period from', 'form.periodTo': 'Period to', 'form.summary': 'Summary', 'form.reason': 'Reason',
  'form.count': 'Number of remains', 'form.lat': 'Latitude (WGS84)', 'form.lon': 'Longitude (WGS84)', 'form.borderGate': 'Border gate',
  'form.description': 'Description', 'form.newValue': 'Corrected value',
  'check.required': 'Required.', 'check.maxLength': 'At most {max} characters.', 'check.pattern': 'Not in the expected form.',
  'check.date': 'A date YYYY-MM-DD.', 'check.future': 'After today on the border ({today}).', 'check.number': 'A number.',
  'check.integer': 'A whole number.', 'check.min': 'At least {min}.', 'check.max': 'At most {max}.',
  'check.endsBeforeStart': 'Ends before it starts.', 'check.pointWhole': 'Latitude and longitude go together.',
  'check.twoParties': 'Two parties, one of each country.', 'check.control': 'No control characters.',
  'check.dateRange': 'A date from 1 Jan 1900 to 31 Dec 9999.',

  'audit.title': 'Audit', 'audit.verifyTitle': 'Tamper evidence', 'audit.verify': 'Verify the whole store', 'audit.verifying': 'Verifying…',
  'audit.scope.incremental': 'Checked the events after the verified seal at position {after}.',
  'audit.scope.full': 'Checked every event from the first.',
  'audit.valid': 'The store verifies.', 'audit.broken': 'The store does NOT verify.', 'audit.checked': '{events} events and {seals} seals checked.',
  'audit.firstBroken': 'First break at position {position} ({aggregate}): {reason}', 'audit.sealPosition': 'Last seal at position',
  'audit.sealedAt': 'Sealed at', 'audit.sealKey': 'Signed with key', 'audit.signature': 'Seal signature (Ed25519)', 'audit.chainHash': 'Chain hash', 'audit.copy': 'Copy', 'audit.copied': 'Chain hash copied.',
  'audit.noSeal': 'No seal yet.', 'audit.keepHash': 'Keep the chain hash outside the ledger (in a signed report): it anchors the whole history.',
  'audit.stream': 'Event stream', 'audit.recordedFrom': 'Recorded from', 'audit.recordedTo': 'Recorded before', 'audit.export': 'Export NDJSON',
  'audit.hash': 'Hash', 'audit.history': 'History of one record', 'audit.showHistory': 'Show history', 'audit.aggregateType': 'Kind: {type}',
  'audit.state': 'State as of a date', 'audit.asOf': 'As of', 'audit.showState': 'Show state',

  'ops.title': 'Operations', 'ops.replay': 'Rebuild the read models (replay)', 'ops.check': 'Consistency check',
  'ops.replayHelp': 'Empties the read models and replays every event from the topic; reads go on meanwhile.',
  'ops.checkHelp': 'Rebuilds the read models aside and compares them row by row with the live ones.',
  'ops.start.replay': 'Start a replay', 'ops.start.check': 'Start a check', 'ops.start.verification': 'Start a full verification',
  'ops.verification': 'Full verification of the event store',
  'ops.verificationHelp': 'Checks every stored event and seal from the first (the audit page checks only what was added since the last verified seal).', 'ops.idle': 'Not started.',
  'ops.progress': '{done} of {total} events', 'ops.rate': '{rate} events/s', 'ops.left': '{left} left',
  'ops.consistent': 'Consistent: {rows} rows compared.', 'ops.inconsistent': '{count} differences.',
  'ops.table': 'Table', 'ops.key': 'Key', 'ops.column': 'Column', 'ops.live': 'Live', 'ops.rebuilt': 'Rebuilt',
  'ops.deadLetters': 'Dead letters', 'ops.noDeadLetters': 'None.', 'ops.done': 'Done.',
  'ops.deadLettersHelp': 'Records from the topic the projections could not apply, parked so that the others go on.',
  'ops.retryAll': 'Retry all', 'ops.retry': 'Retry', 'ops.discard': 'Discard', 'ops.discardReason': 'Reason to discard',
  'ops.reason': 'Why', 'ops.attempts': 'Attempts', 'ops.parkedAt': 'Parked at',
  'job.RUNNING': 'Running', 'job.COMPLETED': 'Completed', 'job.FAILED': 'Failed', 'job.INTERRUPTED': 'Interrupted',
  'job.CANCELLED': 'Cancelled', 'job.STARTING': 'Starting', 'job.PENDING': 'Waiting',
};

const vi = {
  'app.title': 'Sổ cái hợp tác biên giới', skip: 'Chuyển đến nội dung', 'lang.label': 'Ngôn ngữ', signOut: 'Đăng xuất',
  notFound: 'Không có trang này.', forbiddenPage: 'Trang này cần vai trò {role}.',
  'nav.figures': 'Số liệu', 'nav.markers': 'Cột mốc', 'nav.agreements': 'Thỏa thuận', 'nav.cases': 'Hồ sơ hồi hương',
  'nav.indicators': 'Chỉ số', 'nav.record': 'Ghi nhận sự kiện', 'nav.audit': 'Kiểm toán', 'nav.operations': 'Vận hành',
  'kind.agreements': 'Thỏa thuận', 'kind.repatriation-cases': 'Hồ sơ hồi hương', 'kind.markers': 'Cột mốc', 'kind.indicators': 'Chỉ số',

  'signIn.title': 'Đăng nhập', 'signIn.oidc': 'Nhà cung cấp định danh', 'signIn.oidcButton': 'Đăng nhập bằng tài khoản cơ quan',
  'signIn.demo': 'Danh tính mẫu của bản chạy cục bộ', 'signIn.demoHelp': 'Chỉ hiển thị cho trình duyệt trên chính máy chạy sổ cái.',
  'signIn.paste': 'Dán mã thông báo', 'signIn.token': 'Mã thông báo (JWT)', 'signIn.tokenHelp': 'Chỉ giữ trong thẻ này, không bao giờ ở địa chỉ hay trên đĩa.',
  'signIn.button': 'Đăng nhập', 'signIn.done': 'Đã đăng nhập.', 'signIn.notAToken': 'Đây không phải là JWT.',
  'signIn.expired': 'Mã thông báo đã hết hạn.', 'signIn.noRoles': 'Mã thông báo không có vai trò.',
  'identity.kienGiangUnit': 'Đơn vị Kiên Giang', 'identity.kampotUnit': 'Đơn vị Kampot', 'identity.auditor': 'Kiểm toán viên', 'identity.admin': 'Quản trị viên',

  'figures.title': 'Số liệu chương trình', 'figures.period': 'Giai đoạn', 'figures.year': 'Năm', 'figures.pickYear': 'Chọn…',
  'figures.from': 'Từ ngày', 'figures.to': 'Đến ngày', 'figures.show': 'Xem', 'figures.toBeforeFrom': '“Đến ngày” trước “Từ ngày”.',
  'figures.periodShown': '{from} – {to}', 'figures.position': 'mô hình đọc ở vị trí {position}',
  'figures.openFacts': 'Xem các sự kiện', 'figures.overYears': 'Qua các năm',
  'figures.overYearsHelp': 'Từng năm riêng: số liệu báo cáo cho nhiều năm chỉ được tính trong giai đoạn chứa trọn các năm đó.',
  'figure.REMAINS_RECOVERED': 'Hài cốt được cất bốc', 'figure.REMAINS_REPATRIATED': 'Hài cốt được hồi hương',
  'figure.MARKERS_COMPLETED': 'Cột mốc hoàn thành', 'figure.TRADE_TURNOVER_USD': 'Kim ngạch thương mại',
  'figure.EXPORTS_USD': 'Xuất khẩu', 'figure.IMPORTS_USD': 'Nhập khẩu', 'figure.VISITORS_VN_TO_KH': 'Du khách Việt Nam → Campuchia',
  'figure.VISITORS_KH_TO_VN': 'Du khách Campuchia → Việt Nam', 'figure.AGREEMENTS_IN_FORCE': 'Thỏa thuận còn hiệu lực',
  'facts.title': 'Các sự kiện tạo nên “{figure}”', 'facts.count': '{count} sự kiện', 'facts.none': 'Không có sự kiện nào trong giai đoạn này.',
  'facts.position': 'Vị trí', 'facts.date': 'Ngày', 'facts.event': 'Sự kiện', 'facts.aggregate': 'Hồ sơ',
  'facts.amount': 'Giá trị (cũ → mới)', 'facts.submitter': 'Người gửi', 'facts.unit': 'Đơn vị', 'facts.recordedAt': 'Thời điểm ghi',
  'chart.remainsMarkers': 'Hài cốt và cột mốc theo năm', 'chart.trade': 'Thương mại theo năm (USD)',
  'chart.visitors': 'Du khách theo năm', 'chart.agreements': 'Thỏa thuận còn hiệu lực theo năm', 'chart.table': 'Dữ liệu dạng bảng', 'chart.year': 'Năm',

  'event.AgreementSigned': 'Ký thỏa thuận', 'event.AgreementReviewed': 'Sơ kết thỏa thuận', 'event.AgreementAmended': 'Sửa đổi thỏa thuận',
  'event.AgreementTerminated': 'Chấm dứt thỏa thuận', 'event.RepatriationCaseOpened': 'Mở hồ sơ', 'event.RemainsRecovered': 'Cất bốc hài cốt',
  'event.RemainsRepatriated': 'Hồi hương hài cốt', 'event.MarkerPlanned': 'Lập kế hoạch cột mốc', 'event.MarkerCompletionReported': 'Báo cáo xây xong',
  'event.MarkerCompleted': 'Xác nhận hoàn thành', 'event.MarkerDamaged': 'Báo cáo hư hại', 'event.MarkerRepaired': 'Ghi nhận sửa chữa',
  'event.IndicatorReported': 'Báo cáo số liệu', 'event.IndicatorCorrected': 'Điều chỉnh số liệu',

  'markers.title': 'Cột mốc biên giới', 'markers.geojson': 'Tải GeoJSON', 'markers.legend': 'Chú giải', 'markers.map': 'Bản đồ cột mốc biên giới',
  'markers.planned': 'vị trí kế hoạch', 'markers.surveyed': 'vị trí đo đạc', 'markers.list': '{count} cột mốc',
  'markers.schematic': 'Bản đồ sơ đồ vẽ từ dữ liệu kèm theo sổ cái (bờ biển, đường biên giới, thị xã, cửa khẩu Hà Tiên – Prek Chak); không dùng để đo đạc.',
  'marker.id': 'Cột mốc', 'marker.type': 'Loại', 'marker.status': 'Trạng thái', 'marker.responsibleSide': 'Bên phụ trách',
  'marker.confirmed': 'Đã xác nhận', 'marker.plannedPoint': 'Điểm kế hoạch', 'marker.surveyedPoint': 'Điểm đo đạc',
  'marker.completedOn': 'Ngày xây xong', 'marker.confirmedOn': 'Ngày xác nhận', 'marker.damagedOn': 'Ngày hư hại', 'marker.repairedOn': 'Ngày sửa chữa',
  'status.PLANNED': 'Kế hoạch', 'status.REPORTED': 'Đã báo xây xong', 'status.COMPLETED': 'Hoàn thành', 'status.DAMAGED': 'Hư hại',
  'status.REPAIRED': 'Đã sửa chữa', 'status.IN_FORCE': 'Còn hiệu lực', 'status.EXPIRED': 'Hết hạn', 'status.TERMINATED': 'Đã chấm dứt',
  'type.MAIN': 'Mốc chính', 'type.SUB': 'Mốc phụ', 'type.REFERENCE': 'Mốc tham chiếu', 'side.VN': 'Việt Nam', 'side.KH': 'Campuchia',
  'filter.any': 'Tất cả', 'filter.apply': 'Lọc',

  'agreements.title': 'Thỏa thuận hợp tác', 'cases.title': 'Hồ sơ hồi hương hài cốt', 'indicators.title': 'Chỉ số hợp tác',
  'list.total': 'Tổng cộng {count}', 'list.empty': 'Không có gì để hiển thị.',
  'pager.label': 'Trang', 'pager.previous': 'Trang trước', 'pager.next': 'Trang sau', 'pager.page': 'Trang {page}/{pages}',
  'agreement.id': 'Thỏa thuận', 'agreement.title': 'Tiêu đề', 'agreement.parties': 'Các bên', 'agreement.status': 'Trạng thái',
  'agreement.validity': 'Hiệu lực', 'agreement.signedOn': 'Ngày ký', 'agreement.place': 'Nơi ký', 'agreement.documentRef': 'Số văn bản',
  'agreement.domains': 'Lĩnh vực hợp tác', 'agreement.signatories': 'Người ký', 'agreement.terminatedOn': 'Ngày chấm dứt',
  'agreement.reviews': 'Số lần sơ kết', 'agreement.partyVN': 'Bên Việt Nam', 'agreement.partyKH': 'Bên Campuchia',
  'agreement.signatoryName': 'Họ tên người ký', 'agreement.signatoryTitle': 'Chức vụ người ký', 'agreement.signatoryProvince': 'Tỉnh của người ký',
  'agreement.validFrom': 'Hiệu lực từ', 'agreement.validTo': 'Hiệu lực đến', 'agreement.reviewedOn': 'Ngày sơ kết',
  'agreement.amendedOn': 'Ngày sửa đổi', 'agreement.newValidTo': 'Ngày hết hiệu lực mới', 'agreement.newDomains': 'Lĩnh vực hợp tác mới',
  'domain.BORDER_SECURITY': 'An ninh biên giới', 'domain.CRIME_PREVENTION': 'Phòng, chống tội phạm', 'domain.TRADE': 'Thương mại', 'domain.TOURISM': 'Du lịch',
  'domain.ENERGY': 'Năng lượng điện', 'domain.HEALTH': 'Y tế', 'domain.AGRICULTURE_FORESTRY_FISHERIES': 'Nông – lâm – thủy sản',
  'domain.CULTURE_AND_SPORT': 'Văn hóa, thể thao', 'domain.PEOPLE_TO_PEOPLE_EXCHANGE': 'Đối ngoại nhân dân',
  'domain.REMAINS_REPATRIATION': 'Hồi hương hài cốt liệt sĩ', 'domain.BORDER_DEMARCATION': 'Phân giới cắm mốc',
  'case.id': 'Hồ sơ', 'case.season': 'Mùa tìm kiếm', 'case.searchProvince': 'Tỉnh tìm kiếm', 'case.searchingUnit': 'Đơn vị tìm kiếm',
  'case.recovered': 'Đã cất bốc', 'case.repatriated': 'Đã hồi hương', 'case.remaining': 'Chờ hồi hương', 'case.firstRecoveredOn': 'Lần cất bốc đầu',
  'case.recoveredOn': 'Ngày cất bốc', 'case.repatriatedOn': 'Ngày hồi hương', 'case.siteProvince': 'Tỉnh nơi tìm thấy',
  'case.siteDistrict': 'Huyện nơi tìm thấy', 'case.siteCommune': 'Xã nơi tìm thấy', 'case.receivingUnit': 'Đơn vị tiếp nhận',
  'indicator.id': 'Chỉ số', 'indicator.kind': 'Loại', 'indicator.period': 'Giai đoạn', 'indicator.value': 'Giá trị',
  'indicator.corrections': 'Điều chỉnh', 'indicator.borderGate': 'Cửa khẩu', 'indicator.source': 'Nguồn', 'indicator.reportingProvince': 'Tỉnh báo cáo',
  'detail.state': 'Tình trạng hiện tại', 'detail.timeline': 'Dòng thời gian', 'detail.audit': 'Dấu vết kiểm toán của hồ sơ này',
  'detail.recordedBy': 'bởi {submitter}, {unit} ({province}) · ghi lúc {at} · vị trí {position}', 'detail.payload': 'Dữ liệu đã ghi',

  'record.title': 'Ghi nhận sự kiện', 'record.as': 'Bạn ghi nhận với tư cách {unit}, {province} ({side}).', 'record.choose': 'Loại sự kiện',
  'record.submit': 'Ghi nhận', 'record.fixFields': 'Một số trường cần sửa.', 'record.refused': 'Bị từ chối ({status}).',
  'record.accepted': 'Đã ghi {id} ở vị trí {position}.', 'record.newState': 'Hiện đang ghi cho {id}', 'record.openDetail': 'Mở trang hồ sơ',
  'record.notYetVisible': 'Đã ghi ở vị trí {position}; phía đọc chưa hiển thị.',
  'form.sign-agreement': 'Ký thỏa thuận', 'form.review-agreement': 'Ghi nhận sơ kết', 'form.amend-agreement': 'Sửa đổi thỏa thuận',
  'form.terminate-agreement': 'Chấm dứt thỏa thuận', 'form.open-case': 'Mở hồ sơ tìm kiếm', 'form.record-recovery': 'Ghi nhận cất bốc',
  'form.record-repatriation': 'Ghi nhận hồi hương', 'form.plan-marker': 'Lập kế hoạch cột mốc', 'form.report-completion': 'Báo cáo cột mốc đã xây',
  'form.confirm-completion': 'Xác nhận cột mốc do bên kia xây', 'form.report-damage': 'Báo cáo cột mốc hư hại',
  'form.record-repair': 'Ghi nhận sửa chữa', 'form.report-indicator': 'Báo cáo số liệu', 'form.correct-indicator': 'Điều chỉnh số liệu',
  'form.target': 'Mã hồ sơ', 'form.idHelp': 'Để trống để hệ thống tự tạo.', 'form.unitHelp': 'Để trống: đơn vị của bạn.',
  'form.valueHelp': 'USD cho thương mại, lượt người cho du khách.', 'form.required': '* bắt buộc', 'form.notAfterToday': 'Không sau ngày hôm nay ở biên giới ({today}).',
  'form.periodFrom': 'Giai đoạn từ', 'form.periodTo': 'Giai đoạn đến', 'form.summary': 'Tóm tắt', 'form.reason': 'Lý do',
  'form.count': 'Số hài cốt', 'form.lat': 'Vĩ độ (WGS84)', 'form.lon': 'Kinh độ (WGS84)', 'form.borderGate': 'Cửa khẩu',
  'form.description': 'Mô tả', 'form.newValue': 'Giá trị điều chỉnh',
  'check.required': 'Bắt buộc.', 'check.maxLength': 'Tối đa {max} ký tự.', 'check.pattern': 'Không đúng định dạng.',
  'check.date': 'Ngày dạng YYYY-MM-DD.', 'check.future': 'Sau ngày hôm nay ở biên giới ({today}).', 'check.number': 'Phải là số.',
  'check.integer': 'Phải là số nguyên.', 'check.min': 'Ít nhất {min}.', 'check.max': 'Nhiều nhất {max}.',
  'check.endsBeforeStart': 'Kết thúc trước khi bắt đầu.', 'check.pointWhole': 'Vĩ độ và kinh độ phải đi cùng nhau.',
  'check.twoParties': 'Hai bên, mỗi nước một bên.', 'check.control': 'Không dùng ký tự điều khiển.',
  'check.dateRange': 'Ngày từ 01/01/1900 đến 31/12/9999.',

  'audit.title': 'Kiểm toán', 'audit.verifyTitle': 'Bằng chứng chống sửa đổi', 'audit.verify': 'Kiểm tra toàn bộ kho', 'audit.verifying': 'Đang kiểm tra…',
  'audit.scope.incremental': 'Đã kiểm tra các sự kiện sau niêm phong đã kiểm tra ở vị trí {after}.',
  'audit.scope.full': 'Đã kiểm tra mọi sự kiện từ đầu.',
  'audit.valid': 'Kho dữ liệu toàn vẹn.', 'audit.broken': 'Kho dữ liệu KHÔNG toàn vẹn.', 'audit.checked': 'Đã kiểm tra {events} sự kiện và {seals} dấu niêm phong.',
  'audit.firstBroken': 'Chỗ hỏng đầu tiên ở vị trí {position} ({aggregate}): {reason}', 'audit.sealPosition': 'Niêm phong cuối ở vị trí',
  'audit.sealedAt': 'Niêm phong lúc', 'audit.sealKey': 'Ký bằng khóa', 'audit.signature': 'Chữ ký niêm phong (Ed25519)', 'audit.chainHash': 'Mã băm chuỗi', 'audit.copy': 'Sao chép', 'audit.copied': 'Đã sao chép mã băm chuỗi.',
  'audit.noSeal': 'Chưa có niêm phong.', 'audit.keepHash': 'Lưu mã băm chuỗi bên ngoài sổ cái (trong một báo cáo có chữ ký): nó neo toàn bộ lịch sử.',
  'audit.stream': 'Dòng sự kiện', 'audit.recordedFrom': 'Ghi từ', 'audit.recordedTo': 'Ghi trước', 'audit.export': 'Xuất NDJSON',
  'audit.hash': 'Mã băm', 'audit.history': 'Lịch sử một hồ sơ', 'audit.showHistory': 'Xem lịch sử', 'audit.aggregateType': 'Loại: {type}',
  'audit.state': 'Tình trạng tại một thời điểm', 'audit.asOf': 'Tại thời điểm', 'audit.showState': 'Xem tình trạng',

  'ops.title': 'Vận hành', 'ops.replay': 'Dựng lại mô hình đọc (phát lại)', 'ops.check': 'Kiểm tra nhất quán',
  'ops.replayHelp': 'Xóa các mô hình đọc và phát lại mọi sự kiện từ chủ đề; việc đọc vẫn tiếp tục.',
  'ops.checkHelp': 'Dựng lại mô hình đọc ở nơi riêng và so sánh từng dòng với bản đang chạy.',
  'ops.start.replay': 'Bắt đầu phát lại', 'ops.start.check': 'Bắt đầu kiểm tra', 'ops.start.verification': 'Bắt đầu kiểm tra toàn bộ',
  'ops.verification': 'Kiểm tra toàn bộ kho sự kiện',
  'ops.verificationHelp': 'Kiểm tra mọi sự kiện và dấu niêm phong từ đầu (trang kiểm toán chỉ kiểm tra phần thêm vào sau niêm phong đã kiểm tra gần nhất).', 'ops.idle': 'Chưa bắt đầu.',
  'ops.progress': '{done}/{total} sự kiện', 'ops.rate': '{rate} sự kiện/giây', 'ops.left': 'còn {left}',
  'ops.consistent': 'Nhất quán: đã so sánh {rows} dòng.', 'ops.inconsistent': '{count} chỗ khác nhau.',
  'ops.table': 'Bảng', 'ops.key': 'Khóa', 'ops.column': 'Cột', 'ops.live': 'Đang chạy', 'ops.rebuilt': 'Dựng lại',
  'ops.deadLetters': 'Bản ghi lỗi', 'ops.noDeadLetters': 'Không có.', 'ops.done': 'Đã xong.',
  'ops.deadLettersHelp': 'Các bản ghi từ chủ đề mà phép chiếu không áp dụng được, được tạm giữ để các bản ghi khác tiếp tục.',
  'ops.retryAll': 'Thử lại tất cả', 'ops.retry': 'Thử lại', 'ops.discard': 'Loại bỏ', 'ops.discardReason': 'Lý do loại bỏ',
  'ops.reason': 'Lý do', 'ops.attempts': 'Số lần thử', 'ops.parkedAt': 'Tạm giữ lúc',
  'job.RUNNING': 'Đang chạy', 'job.COMPLETED': 'Hoàn tất', 'job.FAILED': 'Thất bại', 'job.INTERRUPTED': 'Bị gián đoạn',
  'job.CANCELLED': 'Đã hủy', 'job.STARTING': 'Đang khởi động', 'job.PENDING': 'Đang chờ',
};

export const MESSAGES = { en, vi };

const LOCALES = { en: 'en-GB', vi: 'vi-VN' };
let current = 'en';

export function language() {
  const stored = localStorage.getItem(KEY);
  if (stored && MESSAGES[stored]) return stored;
  return (navigator.language || 'en').toLowerCase().startsWith('vi') ? 'vi' : 'en';
}

export function setLanguage(lang) {
  current = MESSAGES[lang] ? lang : 'en';
  localStorage.setItem(KEY, current);
  document.documentElement.lang = current;
  translateStatic();
}

/** Texts of the page shell marked data-i18n. */
export function translateStatic() {
  document.querySelectorAll('[data-i18n]').forEach(element => { element.textContent = t(element.dataset.i18n); });
}

export function t(key, params = {}) {
  const text = MESSAGES[current][key] ?? en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => (params[name] ?? `{${name}}`));
}

function locale() {
  return LOCALES[current];
}

export const fmt = {
  number: value => (value === null || value === undefined ? '' : new Intl.NumberFormat(locale()).format(value)),
  usd: value => (value === null || value === undefined ? ''
    : new Intl.NumberFormat(locale(), { style: 'currency', currency: 'USD', maximumFractionDigits: 0 }).format(value)),
  /** Short figures for chart axes: 100 M, 1.5 K, US$100M. */
  compact: (value, usd) => new Intl.NumberFormat(locale(), usd
    ? { style: 'currency', currency: 'USD', notation: 'compact', maximumFractionDigits: 1 }
    : { notation: 'compact', maximumFractionDigits: 1 }).format(value),
  /** A business date (YYYY-MM-DD) as that day, whatever the browser's time zone. */
  date: value => (value ? new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${value}T00:00:00Z`)) : ''),
  dateTime: value => (value ? new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(value)) : ''),
};
