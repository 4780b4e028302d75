package problem

// Code identifies a kind of problem. Codes are stable: tests, the JSON report
// and the documentation refer to them. Each constant's comment gives an
// example input and the fix.
type Code string

const (
	// ConfigUnreadable: site.yaml or a scheme file is missing or cannot be read.
	// Fix: create the file, or pass --source with the site folder.
	ConfigUnreadable Code = "config.unreadable"
	// ConfigSyntax: the YAML does not parse, e.g. a tab used for indentation.
	// Fix: correct the YAML at the line given.
	ConfigSyntax Code = "config.syntax"
	// ConfigUnknownKey: a key the tool does not know, e.g. "bands.0.minimum".
	// Fix: correct the spelling; the README lists every key.
	ConfigUnknownKey Code = "config.unknown-key"
	// ConfigMissingKey: a required key is absent, e.g. a band without "name".
	ConfigMissingKey Code = "config.missing-key"
	// ConfigBadValue: a value of the wrong kind or out of range, e.g. "min: ninety".
	ConfigBadValue Code = "config.bad-value"
	// ConfigDuplicate: two entries share an id, e.g. two tasks "1.1".
	ConfigDuplicate Code = "config.duplicate"
	// ConfigUnknownRef: a reference to something not defined, e.g. a group
	// naming category "village" when only town and dept exist.
	ConfigUnknownRef Code = "config.unknown-ref"
	// ConfigNeverFires: a consequence rule whose conditions no result can
	// meet, e.g. a rule of persons in a scheme that assesses none.
	ConfigNeverFires Code = "config.never-fires"
	// ConfigTooLarge: a YAML document (site.yaml, a scheme, a Markdown
	// file's front matter) that, with every alias (*name) expanded, holds
	// more than 200,000 values or 2,000,000 bytes of text, such as a
	// "billion laughs" of aliases to lists of aliases. The limits are about
	// 100 times the largest real scheme's (shangnan: 1,876 values, 19,192
	// bytes); config.MaxYAMLNodes and MaxYAMLBytes hold them. It is reported
	// at the alias that crossed them and nothing of the document is read.
	// Fix: write the values out, or use fewer aliases. Also site.yaml or a
	// scheme file larger than config.MaxFileBytes (1 MiB), refused before it
	// is read.
	ConfigTooLarge Code = "config.too-large"
	// ConfigNotAFile: site.yaml or the scheme is a symlink that leads out
	// of the site folder, or is not a regular file (a device, a pipe, a
	// folder), e.g. site.yaml → /dev/zero; or site.yaml's scheme: is a
	// path out of the site folder (/etc/x.yaml, ../x.yaml). It is never
	// read. Fix: put the file itself in the site folder.
	ConfigNotAFile Code = "config.not-a-file"

	// IngestMissingFile: an input file the configuration names is absent,
	// e.g. data/2024/民主测评.xlsx. Fix: export it into that folder.
	IngestMissingFile Code = "ingest.missing-file"
	// IngestTwoFiles: two files beside each other could each be one input,
	// e.g. 民主测评.xlsx and 民主测评.csv. Neither is read. Fix: keep the
	// one to read, delete or rename the other.
	IngestTwoFiles Code = "ingest.two-files"
	// IngestUnreadable: the file is not a workbook that can be read, e.g. an
	// .xls renamed to .xlsx. Fix: open it in Excel or WPS and save as .xlsx.
	IngestUnreadable Code = "ingest.unreadable"
	// IngestEmptyFile: the file has no bytes at all.
	IngestEmptyFile Code = "ingest.empty-file"
	// ConfigNoOperator: a public site whose site.yaml names no operator
	// (footer.operator, 主办单位), which a government site shows.
	ConfigNoOperator Code = "config.no-operator"
	// InputSample: a build of a site without site.yaml's sample: true
	// reads the sample of `dutyreport new`: a workbook marked sample, a
	// Markdown page or notice, or the scheme, with sample: true. Fix:
	// replace it with the county's own (and delete its sample: true).
	InputSample Code = "input.sample"
	// IngestEncrypted: a workbook protected by a password to open.
	IngestEncrypted Code = "ingest.encrypted"
	// IngestLegacyFormat: a workbook older than Excel 95 (BIFF2 to BIFF4),
	// which is not read; Excel 95 to 2003 (.xls) and WPS (.et) files are.
	IngestLegacyFormat Code = "ingest.legacy-format"
	// IngestOpenDocument: an OpenDocument file that is not a spreadsheet
	// (a text document named .ods, say); spreadsheets are read.
	IngestOpenDocument Code = "ingest.opendocument"
	// IngestNumbers: an Apple Numbers spreadsheet (.numbers).
	IngestNumbers Code = "ingest.numbers"
	// IngestBinaryWorkbook: an Excel binary workbook (.xlsb).
	IngestBinaryWorkbook Code = "ingest.binary-workbook"
	// IngestTextFile: a text file (CSV, HTML) under a workbook's name.
	IngestTextFile Code = "ingest.text-file"
	// IngestDamaged: a workbook whose archive or parts are damaged.
	IngestDamaged Code = "ingest.damaged"
	// IngestNotWorkbook: bytes of no spreadsheet format at all.
	IngestNotWorkbook Code = "ingest.not-a-workbook"
	// IngestNoHeader: no row of the sheet holds the expected column headers.
	IngestNoHeader Code = "ingest.no-header"
	// IngestMissingColumn: the header row lacks a required column, e.g. 平均分.
	IngestMissingColumn Code = "ingest.missing-column"
	// IngestEmptyCell: a required value is blank.
	IngestEmptyCell Code = "ingest.empty-cell"
	// IngestNotANumber: a number was expected, e.g. 平均分 "9O" (letter O).
	IngestNotANumber Code = "ingest.not-a-number"
	// IngestOutOfRange: a number outside its allowed range, e.g. 平均分 105.
	IngestOutOfRange Code = "ingest.out-of-range"
	// IngestHTMLFile: a web page saved under a workbook's name, as some
	// systems "export to Excel". Fix: open it in Excel or WPS, save as .xlsx.
	IngestHTMLFile Code = "ingest.html-file"
	// IngestTooLarge: a file beyond a reading limit (rows, columns, shared
	// strings, decompressed size), e.g. a zip bomb. Fix: check the file.
	IngestTooLarge Code = "ingest.too-large"
	// IngestUncomputedFormula: formula cells the file holds no value for,
	// as written by programs that do not calculate. Fix: open the file in
	// Excel or WPS and save it, which stores the values.
	IngestUncomputedFormula Code = "ingest.uncomputed-formula"
	// IngestTotalRow: a 合计, 小计 or 平均 row in the data, skipped. A warning.
	IngestTotalRow Code = "ingest.total-row"
	// IngestSkippedSheet: a sheet not read: a chart or macro sheet, a hidden
	// sheet, or a sheet without the header. A warning, naming the sheet.
	IngestSkippedSheet Code = "ingest.skipped-sheet"
	// IngestMissingSheet: a sheet named in site.yaml (path#sheet) that the
	// workbook lacks. Fix: rename the sheet, or correct site.yaml.
	IngestMissingSheet Code = "ingest.missing-sheet"
	// IngestOtherTemplate: a workbook `dutyreport template` made for
	// another year, or as another table, read as this year's, e.g. the
	// 2024 ledger template filled in and put in data/2025/. A warning: its
	// rows are read, but they are the units, tasks and counts of 2024.
	// Fix: make this year's templates (dutyreport template 2025) and fill
	// them in.
	IngestOtherTemplate Code = "ingest.other-template"
	// IngestAmbiguousUnit: a unit given by a name that several units of the
	// register have (or had). Fix: give its 单位编码.
	IngestAmbiguousUnit Code = "ingest.ambiguous-unit"
	// IngestBadDate: a date that cannot be read, e.g. "2024-13-01".
	IngestBadDate Code = "ingest.bad-date"
	// IngestBadChoice: a value not among those allowed, e.g. 责任类别 "主要责任"
	// where 主体责任 or 监督责任 is expected.
	IngestBadChoice Code = "ingest.bad-choice"
	// IngestUnknownUnit: a unit code not in the units register (单位名录).
	IngestUnknownUnit Code = "ingest.unknown-unit"
	// IngestUnknownUnitName: a row without a unit code names a unit the
	// register does not know, e.g. 城关真; the message suggests the
	// register's nearest names (城关镇). Fix: correct the name, or add the
	// unit to the register.
	IngestUnknownUnitName Code = "ingest.unknown-unit-name"
	// IngestInactiveUnit: a row for a unit outside the years the register
	// gives it, e.g. a 2024 row for a town merged away in 2022.
	IngestInactiveUnit Code = "ingest.inactive-unit"
	// IngestNameMismatch: the unit name in a row differs from the register's
	// name for that code and year. A warning: the code decides.
	IngestNameMismatch Code = "ingest.name-mismatch"
	// IngestUnknownTask: a task code the scheme does not list.
	IngestUnknownTask Code = "ingest.unknown-task"
	// IngestCaseConflict: a later row of a case gives another value for a
	// cell of the case itself, e.g. a second 决定日期. Fix: leave it blank, or
	// give the case another number if it is another case.
	IngestCaseConflict Code = "ingest.case-conflict"
	// IngestBadIDNumber (a warning): an ID number that is not 18 characters
	// with a valid check digit, e.g. a digit typed twice.
	IngestBadIDNumber Code = "ingest.bad-id-number"
	// IngestBadPeriod: a roster row whose 任职终止日期 is before its
	// 任职起始日期 (an error), or whose post has no day in the roster's year
	// (a warning: the row is left out), e.g. 任职终止日期 2022-12-31 in the
	// 2023 roster. Fix: correct the dates, or delete the row.
	IngestBadPeriod Code = "ingest.bad-period"
	// IngestOverlappingPosts (a warning): two people hold a post that has
	// one holder (主要负责人, 分管领导, 纪检监察组织负责人) in one unit on the
	// same days, e.g. a predecessor without 任职终止日期. Fix: give the one's
	// end date or the other's start date.
	IngestOverlappingPosts Code = "ingest.overlapping-posts"
	// IngestDuplicateRow: the same unit (and task) appears twice in one year.
	IngestDuplicateRow Code = "ingest.duplicate-row"
	// IngestDoneExceedsRequired: 实际完成 greater than 应完成 in a ledger row.
	IngestDoneExceedsRequired Code = "ingest.done-exceeds-required"
	// IngestNoParent: a village committee without its town (所属镇).
	IngestNoParent Code = "ingest.no-parent"
	// IngestBadParent: a committee's 所属镇 is not a town in the register.
	IngestBadParent Code = "ingest.bad-parent"
	// IngestParentEnded: a committee outlives its town, and the town was
	// merged into no other: its score would be folded nowhere.
	IngestParentEnded Code = "ingest.parent-ended"
	// IngestBadYears: 起始年度/终止年度 that are not years, or end before start.
	IngestBadYears Code = "ingest.bad-years"
	// IngestScoreMismatch: a score in the component-score sheet differs from
	// the one the ledger gives. A warning: the sheet's number is used.
	IngestScoreMismatch Code = "ingest.score-mismatch"
	// IngestNotAFile: an input file that is a symlink leading out of the
	// site folder, or to something that is not a regular file (a device, a
	// pipe), e.g. data/2024/民主测评.xlsx → /dev/zero. It is never read.
	// Fix: put the file itself in the site folder.
	IngestNotAFile Code = "ingest.not-a-file"
	// IngestOddStructure (a warning): a sheet holds what Excel and WPS never
	// write: a row number that is not a number, below 1 or not after the row
	// before (<row r="-5">), or a shared-string index beyond the table
	// (<c t="s"><v>99999</v></c>). It is read as before: the row as the next
	// one, the cell as empty. Fix: open the file in Excel or WPS, check that
	// place and save it again; the file may have been altered.
	IngestOddStructure Code = "ingest.odd-structure"

	// ScoringNoEvaluation: a unit active in a year has no 民主测评 row.
	ScoringNoEvaluation Code = "scoring.no-evaluation"
	// ScoringNoScores: a scheme that takes components from the score sheet,
	// and a unit with no row there.
	ScoringNoScores Code = "scoring.no-scores"
	// ScoringNoLedger: a unit active in a year has no ledger rows at all.
	ScoringNoLedger Code = "scoring.no-ledger"
	// ScoringTaskMissing: a unit's ledger lacks rows for some of its tasks.
	// A warning: each counts as not done, as the scheme says of incomplete tasks.
	ScoringTaskMissing Code = "scoring.task-missing"

	// NoticeDuplicate: two cases share a case number, in the registers of
	// two years or in two notices. Fix: give each case its own number.
	NoticeDuplicate Code = "notice.duplicate"
	// NoticeUnknownRef: a notice in content/notices names a unit, handling,
	// form or kind that is not known, e.g. unit: 青河镇 for 清河镇.
	NoticeUnknownRef Code = "notice.unknown-ref"
	// NoticeConflict: a notice with a register's case number also gives the
	// case's fields: the register decides them, the notice only adds its
	// title and text. Fix: delete those fields from the notice.
	NoticeConflict Code = "notice.conflict"
	// NoticeNoFacts (a warning): a case with neither a 事实摘要 in the
	// register nor a notice text: its notice would say nothing of what happened.
	NoticeNoFacts Code = "notice.no-facts"
	// AuditLeak: a built page shows, as a reader would read it, a sensitive
	// string the inputs know (a person's name, an ID or phone number) or,
	// in public, a number or address of a personal shape, that the audience
	// must not see. The build stops and the previous site stays. Fix: a bug
	// in a theme template or a name the masking did not know; report it.
	AuditLeak Code = "audit.leak"
	// OutEdited: a page the last build wrote was changed by hand in the
	// output folder since; the build would overwrite it. Fix: make the
	// change in the site's inputs (content/, a theme), or build with
	// --force to overwrite it (then a warning).
	OutEdited Code = "out.edited"
	// AuditInternalBuild: the folder audited as the public site holds an
	// internal build (its marker file .dutyreport-internal): the dashboard
	// names persons and may never be published. Fix: audit the public build.
	AuditInternalBuild Code = "audit.internal-build"

	// ContentFrontMatter: a Markdown file's front matter does not parse or
	// holds an unknown key.
	ContentFrontMatter Code = "content.front-matter"
	// ContentReservedName: a Markdown page named like a page the site makes
	// itself (index.md, units.md).
	ContentReservedName Code = "content.reserved-name"
	// ContentExternalLink: a Markdown link to another site; the published
	// site must work offline, so link to a page of the site instead.
	ContentExternalLink Code = "content.external-link"
	// ContentNotAFile: a Markdown file (or the content folder) is a symlink
	// that leads out of the site folder, or to something that is not a
	// regular file (a device, a pipe), e.g. content/passwd.md → /etc/passwd.
	// It is never read. Fix: put the file itself in the site folder.
	ContentNotAFile Code = "content.not-a-file"
	// ContentTooLarge: a Markdown file larger than content.MaxFileBytes
	// (4 MiB), e.g. a log pasted into content/notices. It is not read.
	// Fix: shorten it, or publish the material as a download.
	ContentTooLarge Code = "content.too-large"
	// ContentRawHTML: a Markdown file holds an HTML tag, e.g.
	// 张<span>三</span>. The site shows no HTML written by hand: a tag the
	// renderer dropped would join the characters on either side. Fix:
	// write it in Markdown (**bold**, a blank line for a new paragraph).
	// HTML comments (<!-- 内部备注 -->) are allowed and never published.
	ContentRawHTML Code = "content.raw-html"

	// PrivacyUnknownName: a public text names someone no register knows,
	// e.g. "证人李某某" or "经王小明同志核实" where 王小明 is in no case, no
	// roster and no redaction.names. The public build stops. Fix: list the
	// name under redaction.names in site.yaml (it is then masked), or under
	// redaction.allow if it is not a person (a place, a word).
	PrivacyUnknownName Code = "privacy.unknown-name"
	// PrivacyUnlistedWhistleblower: a text names a whistleblower or witness
	// (举报人李四, 证人王五) who is not listed as one of the case, in any
	// audience. Fix: add the name to the case's 举报人 or 证人 column (or
	// whistleblowers:/witnesses: in the notice): it is then removed
	// everywhere, the dashboard included.
	PrivacyUnlistedWhistleblower Code = "privacy.unlisted-whistleblower"

	// EditionChanged: a build would change a published edition (its
	// inputs, numbers or pages differ from editions.lock). Fix: undo the
	// change, or record an erratum (or, for pages only, a site-wide
	// revision) in site.yaml.
	EditionChanged Code = "edition.changed"
	// EditionRevisionRemoved: site.yaml lists fewer errata (or site-wide
	// revisions) than editions.lock records: a published revision is
	// never taken back.
	EditionRevisionRemoved Code = "edition.revision-removed"
	// EditionWithdrawn: a year in editions.lock is no longer published in
	// site.yaml; a published edition keeps its pages for good.
	EditionWithdrawn Code = "edition.withdrawn"

	// RenderTemplate: a theme template does not parse or fails to execute.
	RenderTemplate Code = "render.template"
	// RenderUnknownString (a warning): a site's or theme's i18n file gives
	// a key the theme below it does not have, a typo that changes nothing.
	RenderUnknownString Code = "render.unknown-string"
	// RenderMissingAsset: the theme lacks a file the pages load, such as
	// the chart library, which the Makefile fetches from npm at a pinned
	// version rather than the repository carrying it.
	RenderMissingAsset Code = "render.missing-asset"
	// RenderNotAFile: a file or folder of the site's theme (layouts/,
	// i18n/, assets/, themes/<name>/) is a symlink that leads out of the
	// site folder, or is not a regular file (a device, a pipe), e.g.
	// layouts/units.html → /etc/passwd. It is never read. Fix: put the
	// file itself in the site folder.
	RenderNotAFile Code = "render.not-a-file"
	// RenderTooLarge: a theme file of the site larger than its limit
	// (render.MaxFileBytes, 32 MiB; the UI strings 1 MiB), e.g. a sparse
	// file of gigabytes. It is refused before it is read. Fix: shorten it,
	// or put a large download elsewhere than the theme.
	RenderTooLarge Code = "render.too-large"
)

type entry struct{ zh, en, hintZH, hintEN string }

var catalog = map[Code]entry{
	ConfigUnreadable:             {"无法读取配置文件", "cannot read the configuration file", "请确认文件存在，或用 --source 指定站点目录", "make sure the file exists, or pass --source with the site folder"},
	ConfigSyntax:                 {"YAML 语法错误", "YAML syntax error", "请按行号修改；缩进只能用空格", "correct the YAML at that line; indent with spaces only"},
	ConfigUnknownKey:             {"未知的配置项", "unknown key", "请检查拼写；README 列出了全部配置项", "check the spelling; the README lists every key"},
	ConfigMissingKey:             {"缺少必填配置项", "required key is missing", "", ""},
	ConfigBadValue:               {"配置值不正确", "value is not valid", "", ""},
	ConfigDuplicate:              {"编号重复", "duplicate id", "每个编号只能出现一次", "give each entry its own id"},
	ConfigUnknownRef:             {"引用了未定义的项目", "refers to something not defined", "请先定义，或改正名称", "define it first, or correct the name"},
	ConfigNeverFires:             {"该规则永远不会生效", "this rule can never apply", "请改正条件，或删除该规则", "correct its conditions, or delete the rule"},
	ConfigTooLarge:               {"YAML 过大（别名按展开计），未读取", "the YAML is too large (counting its aliases expanded): not read", "请直接写出各项，或少用别名（*名称）", "write the values out, or use fewer aliases (*name)"},
	ConfigNotAFile:               {"不是站点目录中的普通文件，未读取", "not a regular file inside the site folder: not read", "该文件是指向站点目录以外或指向设备等的符号链接，或方案路径指向站点目录以外；请把文件本身放进站点目录", "it is a symlink that leads out of the site folder or to a device or the like, or a scheme path out of the site folder; put the file itself in the site folder"},
	IngestMissingFile:            {"缺少输入文件", "input file is missing", "请把导出的表格放到该位置", "export the sheet to that place"},
	IngestTwoFiles:               {"同一项输入有多个文件，未读取", "one input has several files: none was read", "请只保留要读取的那一个，删除或改名其余的", "keep the one to read, and delete or rename the others"},
	IngestUnreadable:             {"无法读取该表格文件", "cannot read this workbook", "请用 Excel 或 WPS 打开后另存为 .xlsx", "open it in Excel or WPS and save it as .xlsx"},
	IngestEmptyFile:              {"文件是空的（0 字节）", "the file is empty (0 bytes)", "请重新导出该表格", "export the sheet again"},
	ConfigNoOperator:             {"site.yaml 未写明网站的主办单位", "site.yaml names no operator of the site", "请在 site.yaml 的 footer 下填写 operator（主办单位），以及 site_code、icp、police、contact", "add footer: operator (the office that runs the site) to site.yaml, with site_code, icp, police and contact"},
	InputSample:                  {"这是 dutyreport new 生成的样例，不能作为本县数据发布", "this is the sample of dutyreport new, which may not be published as the county's own", "请换成本县的表格或文字（页面、通报、考核办法改好后删去其中的 sample: true）；如确要展示样例，请在 site.yaml 中写 sample: true", "replace it with the county's own spreadsheet or text (for a page, notice or scheme, delete its sample: true once it is); to show the sample on purpose, put sample: true in site.yaml"},
	IngestEncrypted:              {"这是设置了打开密码的工作簿", "this workbook is protected by a password", "请在 Excel 或 WPS 中取消密码后重新保存", "remove the password in Excel or WPS and save it again"},
	IngestLegacyFormat:           {"这是 Excel 95 以前版本的工作簿", "this is a workbook from before Excel 95", "请在 Excel 或 WPS 中另存为 Excel 工作簿（.xlsx）", "open it in Excel or WPS and save it as an Excel workbook (.xlsx)"},
	IngestOpenDocument:           {"这是 OpenDocument 文档，不是电子表格", "this is an OpenDocument file, but not a spreadsheet", "请在 WPS、Excel 或 LibreOffice 中打开表格并另存为 .xlsx", "open the spreadsheet in WPS, Excel or LibreOffice and save it as .xlsx"},
	IngestNumbers:                {"这是 Apple Numbers 表格（.numbers）", "this is an Apple Numbers spreadsheet (.numbers)", "请在 Numbers 中选择“文件 > 导出到 > Excel”，使用导出的 .xlsx", "in Numbers, choose File > Export To > Excel, and use the .xlsx it makes"},
	IngestBinaryWorkbook:         {"这是 Excel 二进制工作簿（.xlsb）", "this is an Excel binary workbook (.xlsb)", "请在 Excel 中另存为 Excel 工作簿（.xlsx）", "save it as an Excel workbook (.xlsx) in Excel"},
	IngestTextFile:               {"这是无法识别的文本文件", "this is a text file that is neither CSV nor a workbook", "请在 Excel 或 WPS 中打开后另存为 .xlsx，或另存为 CSV（UTF-8 或 GB18030）", "open it in Excel or WPS and save it as .xlsx, or as CSV (UTF-8 or GB18030)"},
	IngestDamaged:                {"工作簿已损坏", "the workbook is damaged", "请在 Excel 或 WPS 中打开并修复后另存为 .xlsx，或重新导出", "open and repair it in Excel or WPS and save it as .xlsx, or export it again"},
	IngestNotWorkbook:            {"这不是电子表格文件", "this is not a spreadsheet file", "请放入导出的 .xlsx 工作簿", "put the exported .xlsx workbook there"},
	IngestNoHeader:               {"找不到表头行", "no header row found", "表头应在数据之前的一行，包含所需的列名", "put the column headers in one row above the data"},
	IngestMissingColumn:          {"表头缺少必需的列", "a required column is missing", "请添加该列，或改正列名", "add the column, or correct its header"},
	IngestEmptyCell:              {"必填单元格为空", "a required cell is empty", "请填写该单元格", "fill in the cell"},
	IngestNotANumber:             {"不是数字", "is not a number", "请用数字填写", "type the value in digits"},
	IngestOutOfRange:             {"数值超出范围", "number out of range", "请核对该数值", "check the number"},
	IngestBadDate:                {"无法识别的日期", "not a date", "请写成 2024-03-01 这样的日期", "write the date like 2024-03-01"},
	IngestHTMLFile:               {"这是网页文件（HTML），不是工作簿", "this is a web page (HTML), not a workbook", "请在 Excel 或 WPS 中打开后另存为 Excel 工作簿（.xlsx）", "open it in Excel or WPS and save it as an Excel workbook (.xlsx)"},
	IngestTooLarge:               {"文件超出可读取的上限", "the file is beyond a reading limit", "请核对该文件是否为正常导出的表格；过大的表格请分拆", "check that it is a normal export; split a sheet that is really this big"},
	IngestUncomputedFormula:      {"公式单元格没有保存计算结果", "formula cells hold no saved value", "请用 Excel 或 WPS 打开该文件并保存，再重新生成", "open the file in Excel or WPS and save it, then build again"},
	IngestTotalRow:               {"跳过合计行", "a total row is skipped", "合计、小计、平均行不作为单位数据读取", "total, subtotal and average rows are not read as units"},
	IngestSkippedSheet:           {"未读取该工作表", "this sheet is not read", "", ""},
	IngestMissingSheet:           {"工作簿中没有该工作表", "the workbook has no sheet of that name", "请改正工作表名称，或修改 site.yaml 中的名称", "rename the sheet, or correct the name in site.yaml"},
	IngestOtherTemplate:          {"这是另一年度或另一种表格的模板", "this is the template of another year or another table", "请用 dutyreport template 生成本年度的模板并填写", "make this year's templates with dutyreport template and fill them in"},
	IngestAmbiguousUnit:          {"单位名称对应多个单位", "the unit name matches several units", "请填写单位编码", "give the unit's code"},
	IngestBadChoice:              {"不是允许的取值", "not one of the allowed values", "请从允许的取值中选择", "use one of the allowed values"},
	IngestUnknownUnitName:        {"单位名称不在单位名录中", "unit name is not in the units register", "请改正名称（或填写单位编码），或在单位名录中添加该单位", "correct the name (or give the unit's code), or add the unit to the units register"},
	IngestUnknownUnit:            {"单位编码不在单位名录中", "unit code is not in the units register", "请改正编码，或在单位名录中添加该单位", "correct the code, or add the unit to the units register"},
	IngestInactiveUnit:           {"该单位在本年度不存在", "unit is not active in this year", "请核对单位名录中的起止年度", "check the unit's years in the units register"},
	IngestNameMismatch:           {"单位名称与单位名录不一致", "unit name differs from the units register", "以单位编码为准；请统一名称", "the code decides; make the names agree"},
	IngestUnknownTask:            {"任务编号不在考核方案中", "task code is not in the scheme", "请改正编号，或在方案中添加该任务", "correct the code, or add the task to the scheme"},
	IngestDuplicateRow:           {"重复的行", "duplicate row", "请删除重复的行", "delete one of the two rows"},
	IngestDoneExceedsRequired:    {"实际完成次数大于应完成次数", "done count exceeds the required count", "请核对台账", "check the ledger entry"},
	IngestNoParent:               {"村(居)务监督委员会缺少所属镇", "village committee has no town", "请在“所属镇”列填写镇的编码", "fill in the town's code in 所属镇"},
	IngestBadParent:              {"所属镇不是单位名录中的镇", "the committee's town is not a town in the register", "请改正所属镇的编码", "correct the town code"},
	IngestParentEnded:            {"所属镇在该年度已撤销，且未写明并入单位", "the committee's town has ended and was merged into no other", "请为该委员会填写终止年度，或为镇填写并入单位", "give the committee an end year, or the town a 并入单位"},
	IngestBadYears:               {"起止年度不正确", "years active are not valid", "请填写四位年份，终止年度不早于起始年度", "write four-digit years, the end not before the start"},
	IngestScoreMismatch:          {"得分汇总表与台账计算结果不一致", "score sheet differs from the ledger", "采用得分汇总表的分数；请核对两处", "the score sheet's number is used; check both cells"},
	IngestNotAFile:               {"不是站点目录中的普通文件，未读取", "not a regular file inside the site folder: not read", "该文件是指向站点目录以外或指向设备等的符号链接；请把文件本身放进站点目录", "it is a symlink that leads out of the site folder or to a device or the like; put the file itself in the site folder"},
	IngestOddStructure:           {"表格内部结构异常（行号或共享字符串编号不正确），已照常读取", "odd workbook structure (a row number or shared-string index Excel would not write): read as usual", "该文件可能不是 Excel 或 WPS 保存的，或已被改动；请在 Excel 或 WPS 中打开，核对该处后重新保存", "the file may not have been saved by Excel or WPS, or was altered: open it in Excel or WPS, check this place and save it again"},
	ScoringNoEvaluation:          {"缺少该单位的民主测评结果", "no democratic evaluation for this unit", "请在民主测评表中补上该单位", "add the unit to the evaluation sheet"},
	ScoringNoScores:              {"得分汇总表中缺少该单位", "no score-sheet row for this unit", "请在得分汇总表中补上该单位", "add the unit to the score sheet"},
	ScoringNoLedger:              {"缺少该单位的纪实台账", "no ledger rows for this unit", "请在纪实台账中补上该单位", "add the unit's rows to the ledger"},
	ScoringTaskMissing:           {"纪实台账缺少该单位的部分任务，按未完成扣分", "the ledger has no row for some of the unit's tasks; they count as not done", "如已完成，请在纪实台账中补上这些任务的行", "if they were done, add their rows to the ledger"},
	IngestCaseConflict:           {"同一案件的各行填写不一致", "the rows of one case disagree", "本案第一行之后的行可留空，或填写相同内容", "leave the cell blank after the case's first row, or give the same value"},
	IngestBadIDNumber:            {"身份证号格式或校验码不正确", "the ID number is malformed or its check digit is wrong", "请核对身份证号", "check the ID number"},
	IngestBadPeriod:              {"任职起止日期不正确", "the dates of the post are not valid", "请核对任职起始日期和任职终止日期", "check the post's start and end dates"},
	IngestOverlappingPosts:       {"同一单位的该职务同时有两人担任", "two people hold this post in the unit at the same time", "请填写前任的任职终止日期或后任的任职起始日期", "give the predecessor's end date or the successor's start date"},
	NoticeDuplicate:              {"案件编号重复", "two cases share a case number", "每个案件只能有一个编号", "give each case its own number"},
	NoticeUnknownRef:             {"通报引用了未定义的内容", "the notice refers to something not defined", "请改正，或先在单位名录或考核方案中定义", "correct it, or define it in the units register or the scheme first"},
	NoticeConflict:               {"该案件已在责任追究台账中，通报不得另填案件信息", "the case is in the case register: the notice may not give its fields again", "请删除通报中的这些字段，只保留标题和正文", "delete those fields from the notice; keep its title and text"},
	NoticeNoFacts:                {"案件没有事实摘要，也没有通报正文", "the case has no summary of facts and no notice text", "请在台账中填写事实摘要，或在 content/notices 中写通报", "write the facts in the register, or a notice in content/notices"},
	AuditLeak:                    {"网站中有该版本不得显示的敏感信息", "the site holds a sensitive string its audience may not see", "生成网站时发现即停止，原网站保持不变；这是主题模板或脱敏的缺陷，请报告", "a build that finds one stops and keeps the previous site; it is a bug in a theme template or in the masking: report it"},
	OutEdited:                    {"上次生成的这个文件此后被手工改过，生成会覆盖它", "this file of the last build was edited by hand since; a build would overwrite it", "请把改动放进站点的输入（content/ 或主题）；确要覆盖，请加 --force", "make the change in the site's inputs (content/ or a theme); to overwrite it, build with --force"},
	AuditInternalBuild:           {"这是内部版网站，不得作为公开网站发布", "the folder holds an internal build, which may never be published", "内部版显示人员姓名；请检查并发布公开版（dutyreport build 生成的 public/）", "the dashboard names persons; audit and publish the public build (public/ from dutyreport build)"},
	ContentFrontMatter:           {"Markdown 文件头部信息有误", "front matter is not valid", "请按行号修改", "correct it at that line"},
	ContentReservedName:          {"该文件名与网站自身的页面重名", "the file's name is taken by a page the site makes itself", "请给文件换个名字", "rename the file"},
	ContentExternalLink:          {"链接指向外部网站", "link to another site", "发布的网站须离线可用；请链接到本站页面", "the site must work offline; link to a page of the site"},
	ContentNotAFile:              {"不是站点目录中的普通文件，未读取", "not a regular file inside the site folder: not read", "该文件是指向站点目录以外或指向设备等的符号链接；请把文件本身放进站点目录", "it is a symlink that leads out of the site folder or to a device or the like; put the file itself in the site folder"},
	ContentTooLarge:              {"Markdown 文件过大，未读取", "the Markdown file is too large: not read", "通报和页面通常只有几千字；请删减，或把材料作为附件下载", "a notice or a page is a few thousand characters; shorten it, or publish the material as a download"},
	ContentRawHTML:               {"Markdown 中有 HTML 标签", "the Markdown holds an HTML tag", "网站不显示手写的 HTML；请改用 Markdown 写法（**加粗**，空一行分段），HTML 注释 <!-- --> 可以保留，不会发布", "the site shows no hand-written HTML; write it in Markdown (**bold**, a blank line between paragraphs); HTML comments <!-- --> may stay and are never published"},
	PrivacyUnknownName:           {"公开文字中疑似有未登记的人员姓名", "a public text seems to name a person no register knows", "在 site.yaml 的 redaction.names 中列出该姓名（公开时脱敏），如不是人名则列入 redaction.allow", "list the name under redaction.names in site.yaml (the public site masks it), or under redaction.allow if it is not a person"},
	PrivacyUnlistedWhistleblower: {"文字中写出了举报人或证人的姓名，但该案件未登记此人", "a text names a whistleblower or witness the case does not list", "请在该案件的举报人或证人栏（通报的 whistleblowers: 或 witnesses:）中填写此人，任何版本中都将删去其姓名", "add the person to the case's whistleblowers or witnesses: the name is then removed from every audience"},
	EditionChanged:               {"已发布年度的内容将被改变", "a published edition would change", "", ""},
	EditionRevisionRemoved:       {"删除了已记录的更正或修订", "a recorded erratum or revision was removed", "已发布的版次不得撤回；请恢复被删除的记录", "a published revision is never taken back; restore the record"},
	EditionWithdrawn:             {"已发布的年度不再发布", "a published edition is no longer published", "已发布年度的网页须永久保留；请在 site.yaml 中恢复该年度（status: published）", "a published edition keeps its pages for good; restore the year in site.yaml (status: published)"},
	RenderUnknownString:          {"界面文字的键不存在，此项不起作用", "no such UI string: this entry changes nothing", "请对照主题自带的 i18n 文件改正键名", "correct the key against the theme's own i18n file"},
	RenderTemplate:               {"模板错误", "template error", "请修改主题模板", "correct the theme template"},
	RenderMissingAsset:           {"主题缺少网页要加载的文件", "the theme lacks a file its pages load", "图表库由 make build 从 npm 下载（固定版本并校验完整性）后编入程序；请用 make build 构建 dutyreport", "make build fetches the chart library from npm (pinned, integrity-checked) and builds it into the tool; build dutyreport with make build"},
	RenderTooLarge:               {"主题文件过大，未读取", "the theme file is too large: not read", "版式、界面文字和资源文件通常只有几 KB 到 1 MB；请检查是否放错了文件", "layouts, UI strings and assets are a few kilobytes to a megabyte: check that this is the right file"},
	RenderNotAFile:               {"不是站点目录中的普通文件，未读取", "not a regular file inside the site folder: not read", "该文件是指向站点目录以外或指向设备等的符号链接；请把文件本身放进站点目录", "it is a symlink that leads out of the site folder or to a device or the like; put the file itself in the site folder"},
}

// Message gives the code's one-line message in lang.
func (c Code) Message(lang Lang) string {
	e, ok := catalog[c]
	if !ok {
		return string(c)
	}
	if lang == EN {
		return e.en
	}
	return e.zh
}

// Hint gives what to do about a problem of this code, in lang.
func (c Code) Hint(lang Lang) string {
	e := catalog[c]
	if lang == EN {
		return e.hintEN
	}
	return e.hintZH
}
