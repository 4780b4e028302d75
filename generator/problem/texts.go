package problem

// The catalogue: every text a user reads in the terminal besides a code's
// own message and hint (codes.go), each in zh-CN and en side by side. A
// call site names its entry and gives the values (T); the language is
// chosen when the text is shown. Entries are fmt formats, so a value goes
// where its verb is, and the two languages take the same values (%[2]s
// where the Chinese words come in another order): TestTextsAgree checks it,
// and that each T call gives as many values as its entry takes.
//
// An entry is named for what it says. Those marked untranslated have no
// Chinese yet: Chinese readers see the English there, as they always have.
const (
	_ TextID = iota // the zero Text says nothing

	// How Problem.Format joins its parts.
	tAt
	tWarning
	tFound
	tExpected
	tSep
	tNote

	// Values shown as they are (Verbatim), and the separators of lists.
	tVerbatim
	tJoined
	tChoices

	// Sizes, values and common forms.
	TAtMost
	TZeroTo
	TInDigits
	TNameAndCode
	TListed

	// site.yaml and the scheme (config).
	TLocale
	TListYears
	TFourDigitYear
	TDraftOrPublished
	TDraftsAfterPublished
	TPublishThisYearToo
	TErrataOnlyPublished
	TDraftDeleteErrata
	TInputPerYear
	TMask
	TCompoundSurname
	TOtherFolder
	TNeverIntoPublic
	TErratumFields
	TDateNotBefore
	TPathInSite
	TConfigFewKB
	TYAMLBudget
	TMonths
	TRoleOfTasks
	TRoleOfPersons
	TBandReachable
	TComponentRanked
	TSchemeDeclaresHandlings
	TPersonKind
	TSchemeAssessesPersons

	// site.yaml and the scheme, in English only so far.
	TNumberValue
	TDateValue
	TListValue
	TMappingValue
	TTextValue
	TWholeNumber
	TTrueOrFalse
	TOneOf
	TMoreThanZero
	TPerMissing
	TRuleKinds
	TFullScore
	TComponentKinds
	TFoldModes
	TNoMinLastBand
	TBandsDescending
	TGroupIDTaken
	TGroupIDChars
	TOneGroup
	TComponentsAbove
	TUnitsOrPersons
	TCountyOrGroup
	TOneOrMore
	TBottomOneOrMore
	TBandAndCaseOnly
	TWhoBearsIt
	TEachBearerOnce
	TPersonsBase
	TSocialComponent
	TSocialPoints
	TOneToTwelve
	THandlingNameTaken
	TCasesCap
	THandlingOrLevel
	TLevelOfBands
	TPointsDeducted
	TNoMinLastLevel
	TLevelsDescending

	// The spreadsheets (ingest).
	TRowNumber
	TRowFromOne
	TRowAfter
	TNoSharedStrings
	TSharedStringIndex
	TMoreOfKind
	TFirstRowOf
	THeaders
	THiddenSheets
	TOneOfSheets
	TWorksheet
	TMoreCells
	TRoleAssessed
	TPostInYear
	TOneHolder
	TOtherHolder
	TRoleList
	TPostStart
	TPostEnd
	TPersonInPost
	TEndNotBeforeStart
	TCaseNumberEveryRow
	TDecisionDate
	TDateInRange
	TAmountOrZero
	TAmount
	TAsFirstRow
	TPersonHeld
	THandlingEg
	THandlingOfScheme
	TAddHandling
	TIDNumber
	TAverage
	TBallots
	TTaskOf
	TResponsibilityOfTask
	TTaskOfCategory
	TAtMostRequired
	TTimesOrZero
	TRowSays
	TFooterOperator
	THeaderColumns
	TDidYouMean
	TTimes
	TCodeOrName
	TUnitCode
	TGiveUnitCode
	TUnitNameOrCode
	TActiveIn
	TYearEg
	TYearNotBefore
	TParentCode
	TParentActive
	TRegisterCode

	// Markdown (content) and notices.
	TYearFileName
	TNameOtherThan
	TCaseNumberFrontMatter
	TFirstGivenHere
	TCaseInRegister
	TDecisionDateFrontMatter
	TYearOfSite
	TUnitActiveThatYear
	TAmountForLevels
	TSubjectsFrontMatter
	THandlingListEg

	// Scores (scoring).
	TComputedFromHere
	TTotalIsSum
	TTotalLessCases

	// Published editions (edition).
	TRevisionsKept
	TErrataKept
	TYearStillPublished
	TFilesDiffer
	TAddedSince
	TRemovedSince
	TChangedSince
	TDiffersFromRevision
	TMorePages
	TDiffers
	TWasNow
	TRecordErratum
	TRecordRevision

	// The theme (render) and the runner.
	TChartLibrary
	TThemeScript
	TCopyScript
	TFewerAliasesStrings
	TThemeKey
	TThemeFolder
	TPublicBuild

	// The command's own messages (cmd/dutyreport).
	TBuilt
	TUpToDate
	TRecordedIn
	TPackedInto
	TAuditProblems
	TAuditClean
	TSummaryErrors
	TSummaryClean
	TMoreProblems
	TMoreProblemsRows
	tErrors
	tWarnings
	TInternal
	TMadeSite
	TNextServe
	TNextBuild
	TNextData
	TAskCounty
	TNoHelpTopic
	TAddrForm
	TAddrLoopback
	TAddrTaken
	TPublicSite
	TInternalSite
	TTemplateWriteFailed
	TOpenBrowser
	TNotAYear
	TTemplateNoYear
	TTemplateInInputs
	TTemplateForeign
	TBadLang
	TBadMemoryLimit
	TBadAudience
	TBadSourceDate
	TBadFormat
	TNotAFolder
	TAuditBuildFirst
	TBadEdition
	TBadDate
	TSchemeTogether
	TNewNotEmpty
	TNewOtherFolder
	TNewBadYear
	TNoSiteHere
	TZipInsideOut
	TOutIsSite
	TOutHoldsInputs
	TOutIsDashboard
	TOutNotABuild
	TOutAroundOther
	TRevisionsPublic
	TNoSuchYear
	TDiffDraft
	TNoSuchRevision
	TNearMiss
	TUnitDidYouMean
	TAskOffice
	TAskSchemeTitle
	TAskSchemeNumber
	TAskSchemeIssued
	TSchemeIsSample
	TPreviewing
	TOutOfMemory
	TWhileReading
	TWhileStage
	TStageRead
	TStageScore
	TStageRender
	TStageEditions
	TStageAudit
	TStageWrite
	TTotal

	// The preview server's log (serve).
	TServeFailed
	TServeBuilt
	TServeInternal
	TServeWatchFailed
	TServeCannotWatch
	TServeFailTitle
	TServeLead
	TServeFoot
	TServePanelTitle
	TServeStops
	TServeStopLabel
	TServeMissing
	TServeSeeTerminal

	// Templates: the blank workbooks for units (dutyreport template), and
	// a returned one that is not the year's template (ingest).
	TKindLedger
	TKindEvaluation
	TKindScores
	TKindCases
	TKindRoster
	TNotTemplateColumn
	TNotTemplateColumns
	TNotTemplateHeader
	TFillTemplateAsSent
	TTemplateOf
	TTemplateWrote
	TTemplateWroteHeader
	TTemplateRemoved
	TTemplateNext
	TTemplatePerUnit

	textCount // keep last
)

var texts = [textCount]text{
	tAt:       {"：", ": "},
	tWarning:  {"警告：", "warning: "},
	tFound:    {"：读到 %q", ": found %q"},
	tExpected: {"；应为 ", "; expected "},
	tSep:      {"；", "; "},
	tNote:     {"\n\t参见：", "\n\tnote: "},

	tVerbatim: {"%s", "%s"},
	tJoined:   {"、", ", "},
	tChoices:  {"、", " / "},

	TAtMost:      {"不超过 %s", "at most %s"},
	TZeroTo:      {"0 至 %s", "0 to %s"},
	TInDigits:    {"%s，用数字填写", "%s in digits"},
	TNameAndCode: {"%s（%s）", "%s (%s)"},
	// TListed is a key of the YAML and the names it holds: "bands: 好, 较好".
	TListed: {"%s: %s", "%s: %s"},

	TLocale:                  {"zh-CN 或 en", "zh-CN or en"},
	TListYears:               {"请列出考核年度，如 - {year: 2024, status: published, published: 2025-03-01}", "list the assessment years, e.g. - {year: 2024, status: published, published: 2025-03-01}"},
	TFourDigitYear:           {"四位年份", "a four-digit year"},
	TDraftOrPublished:        {"draft（草稿）或 published（已发布）", "draft or published"},
	TDraftsAfterPublished:    {"草稿年度只能在最后一个已发布年度（%d）之后", "drafts only after the last published year, %d"},
	TPublishThisYearToo:      {"请同时发布该年度，或在其发布前不列出以后的年度", "publish this year too, or leave the later years out until it is published"},
	TErrataOnlyPublished:     {"只有已发布的年度才有更正", "errata only for a published year"},
	TDraftDeleteErrata:       {"草稿可以直接修改：请删除其更正记录", "a draft is changed freely: delete its errata"},
	TInputPerYear:            {"含 {year} 的路径或工作表名，每个年度各有一份：data/{year}/文件.xlsx 或 data/文件.xlsx#{year}", "a path or sheet with {year} in it, as each year has its own: data/{year}/file.xlsx or data/file.xlsx#{year}"},
	TMask:                    {"某（张某）或 某某（张某某）", "某 (张某) or 某某 (张某某)"},
	TCompoundSurname:         {"两个字的复姓，如 欧阳", "a surname of two characters, e.g. 欧阳"},
	TOtherFolder:             {"与公开网站不同的目录", "a folder other than the public one"},
	TNeverIntoPublic:         {"内部网站绝不能写入公开网站的目录", "the internal dashboard must never be written into the public site"},
	TErratumFields:           {"更正须写明日期（date: 2024-05-10）、更正内容（what）和原因（why）", "a correction says when (date: 2024-05-10), what changed (what) and why (why)"},
	TDateNotBefore:           {"不早于 %s（发布日期或上一次更正）的日期", "a date not before %s (the publication or the correction before)"},
	TPathInSite:              {"站点目录中的路径，如 schemes/shangnan.yaml", "a path inside the site folder, such as schemes/shangnan.yaml"},
	TConfigFewKB:             {"site.yaml 和考核方案通常只有几 KB；请检查是否放错了文件", "site.yaml and a scheme are a few kilobytes: check that this is the right file"},
	TYAMLBudget:              {"展开全部别名（*名称）后不超过 %s 个值、%s 字节文字", "at most %s values and %s bytes of text with every alias (*name) expanded"},
	TMonths:                  {"1 至 120 个月", "months from 1 to 120"},
	TRoleOfTasks:             {"方案中有任务归属的角色", "a role that some task of the scheme belongs to (tasks' role: 主要负责人, 分管领导, 班子成员, 纪委)"},
	TRoleOfPersons:           {"persons.roles 中的角色：该角色不参加个人考核，无人承担", "a role of persons.roles: no person of this role is assessed, so none is listed as bearing it"},
	TBandReachable:           {"得分可达到的档次：最高 %s", "a band a score can reach: the most is %s"},
	TComponentRanked:         {"参加排名的单位具有的得分项", "a component that ranked units have"},
	TSchemeDeclaresHandlings: {"方案须定义 cases.handlings，否则无法读入案件", "a scheme that declares cases.handlings: without them no case can be read"},
	TPersonKind:              {"个人的类别（领导干部或纪委）", "a person's kind (领导干部 or 纪委): a leadership body is not a person"},
	TSchemeAssessesPersons:   {"方案须定义 persons.roles（个人考核）", "a scheme that assesses persons (persons.roles)"},

	TNumberValue:       {untranslated, "a number such as 70 or 0.5"},
	TDateValue:         {untranslated, "a date such as 2024-03-01"},
	TListValue:         {untranslated, "a list"},
	TMappingValue:      {untranslated, "a mapping of keys to values"},
	TTextValue:         {untranslated, "a text value"},
	TWholeNumber:       {untranslated, "a whole number"},
	TTrueOrFalse:       {untranslated, "true or false"},
	TOneOf:             {untranslated, "one of %s"},
	TMoreThanZero:      {untranslated, "more than 0"},
	TPerMissing:        {untranslated, "the points deducted per missing time, more than 0"},
	TRuleKinds:         {untranslated, "any_missing, per_missing or proportional"},
	TFullScore:         {untranslated, "the full score, more than 0"},
	TComponentKinds:    {untranslated, "ledger, evaluation, sheet, mean or sum"},
	TFoldModes:         {untranslated, "each or mean"},
	TNoMinLastBand:     {untranslated, "no min on the last band: it takes every lower total"},
	TBandsDescending:   {untranslated, "bands from the highest down: less than %s"},
	TGroupIDTaken:      {untranslated, "another id: 2024/index.html is the year's own page"},
	TGroupIDChars:      {untranslated, "letters a–z, digits, - and _ only: the id names the ranking page, such as towns.html"},
	TOneGroup:          {untranslated, "each category in one group only; it is already in %s"},
	TComponentsAbove:   {untranslated, "components defined above this one: %s"},
	TUnitsOrPersons:    {untranslated, "units or persons"},
	TCountyOrGroup:     {untranslated, "county or group"},
	TOneOrMore:         {untranslated, "1 or more"},
	TBottomOneOrMore:   {untranslated, "1 or more: bottom: 1 is last place"},
	TBandAndCaseOnly:   {untranslated, "band and case only: a person's rule holds in one year and applies to the person"},
	TWhoBearsIt:        {untranslated, "who bears it: %s"},
	TEachBearerOnce:    {untranslated, "each bearer once"},
	TPersonsBase:       {untranslated, "the points a role's tasks are deducted from, more than 0 (Shangnan: 70)"},
	TSocialComponent:   {untranslated, "a component with a full score (kind evaluation or sheet)"},
	TSocialPoints:      {untranslated, "the points the component is converted to, more than 0 (Shangnan: 30)"},
	TOneToTwelve:       {untranslated, "1 to 12"},
	THandlingNameTaken: {untranslated, "a name no other handling has; %s has it"},
	TCasesCap:          {untranslated, "the most a unit loses to cases in a year, 0 for no cap"},
	THandlingOrLevel:   {untranslated, "one of handling and level"},
	TLevelOfBands:      {untranslated, "a level of cases.levels.bands"},
	TPointsDeducted:    {untranslated, "the points deducted, more than 0"},
	TNoMinLastLevel:    {untranslated, "no min on the last level: it takes every lower amount"},
	TLevelsDescending:  {untranslated, "levels from the highest down: less than %s"},

	TRowNumber:            {"行号", "a row number"},
	TRowFromOne:           {"从 1 开始的行号", "a row number from 1"},
	TRowAfter:             {"大于上一行行号 %d 的行号", "a row number after %d, the row before"},
	TNoSharedStrings:      {"该工作簿没有共享字符串", "the workbook has no shared strings"},
	TSharedStringIndex:    {"0 到 %d 之间的共享字符串编号", "a shared-string index from 0 to %d"},
	TMoreOfKind:           {"该工作表另有 %d 处同类问题", "and %d more of this kind in the sheet"},
	TFirstRowOf:           {"首次出现：%s", "first row of %s"},
	THeaders:              {"表头 %s", "the headers %s"},
	THiddenSheets:         {"隐藏的工作表不读取，除非在 site.yaml 中写明（文件.xlsx#工作表）：%s", "hidden sheets are not read unless site.yaml names them (file.xlsx#sheet): %s"},
	TOneOfSheets:          {"其中的工作表：%s", "one of its sheets: %s"},
	TWorksheet:            {"普通工作表；图表工作表和宏表没有可读取的数据行", "a worksheet; chart and macro sheets hold no rows to read"},
	TMoreCells:            {"该列另有 %d 个单元格", "and %d more cells of this column"},
	TRoleAssessed:         {"考核方案考核的角色：%s；该行不读取", "a role the scheme assesses: %s; the row is not read"},
	TPostInYear:           {"%d 年度内至少任职一天；该行不读取", "a post held on at least one day of %d; the row is not read"},
	TOneHolder:            {"同一时间只有一名%s：%s 的任职期间为 %s", "one %s at a time: %s holds the post %s"},
	TOtherHolder:          {"另一任职人员：%s", "the other holder: %s"},
	TRoleList:             {"角色：%s", "the role: %s"},
	TPostStart:            {"日期，如 2024-03-01；年度开始前已任职的可留空", "a date such as 2024-03-01, or blank when held before the year"},
	TPostEnd:              {"日期，如 2024-06-30；仍在任的留空或填“至今”", "a date such as 2024-06-30, or blank (至今) when still held"},
	TPersonInPost:         {"任职人员姓名", "the name of the person in the post"},
	TEndNotBeforeStart:    {"不早于任职起始日期 %s 的任职终止日期", "a 任职终止日期 not before 任职起始日期 %s"},
	TCaseNumberEveryRow:   {"每一行都填写案件编号", "the case number (案件编号) on every row of a case"},
	TDecisionDate:         {"决定日期，如 2024-03-01", "the decision date, such as 2024-03-01"},
	TDateInRange:          {"1980 至 2100 年间的日期，如 2024-03-01", "a date such as 2024-03-01, between 1980 and 2100"},
	TAmountOrZero:         {"据以确定责任等级的金额；没有请填 0", "the amount the case's level is decided by; write 0 for none"},
	TAmount:               {"金额，0 或正数", "an amount, 0 or more"},
	TAsFirstRow:           {"%s（与本案第一行相同），或留空", "%s (as on the case's first row), or blank"},
	TPersonHeld:           {"被问责人姓名", "the name of the person held accountable"},
	THandlingEg:           {"处理方式，如 诫勉谈话", "the handling, e.g. 诫勉谈话"},
	THandlingOfScheme:     {"考核方案所列的处理方式：%s", "a handling of the scheme: %s"},
	TAddHandling:          {"请改正，或在考核方案的 cases.handlings 中添加该处理方式", "correct the cell, or add the handling to the scheme's cases.handlings"},
	TIDNumber:             {"18 位且校验码正确的身份证号", "an 18-character ID number with a valid check digit"},
	TAverage:              {"平均分，0 至 100", "平均分, 0 to 100"},
	TBallots:              {"票数，正整数", "a whole number of ballots"},
	TTaskOf:               {"%s中的任务编号", "a task code of %s"},
	TResponsibilityOfTask: {"%[1]s（任务 %[2]s 属于%[1]s）", "%[1]s (task %[2]s is a %[1]s task)"},
	TTaskOfCategory:       {"%s的任务；%s 不是", "a task of a %s; %s is not"},
	TAtMostRequired:       {"不超过应完成次数 %s", "at most 应完成次数 %s"},
	TFooterOperator:       {"footer: operator: 主办单位名称，如 清河县纪委监委", "footer: operator: the office that runs the site, such as 清河县纪委监委"},
	TRowSays:              {"这一行是：%s", "this row says: %s"},
	THeaderColumns:        {"%s（这一行有 %s，缺少 %s）", "%s (this row has %s, and lacks %s)"},
	TDidYouMean:           {"“%s”不是可识别的列名，是否应为“%s”？", "“%s” is not a known column name: did you mean “%s”?"},
	TTimesOrZero:          {"次数；没有请填 0", "a whole number of times; write 0 for none"},
	TTimes:                {"次数，0 或正整数", "a whole number of times, 0 or more"},
	TCodeOrName:           {"单位编码或单位名称", "单位编码 or 单位名称"},
	TUnitCode:             {"单位名录中的单位编码", "a 单位编码 of the units register"},
	TGiveUnitCode:         {"%s 之一：请填写单位编码", "one of %s: give its 单位编码"},
	TUnitNameOrCode:       {"单位名录中的单位名称或单位编码", "a 单位名称 or 单位编码 of the units register"},
	TActiveIn:             {"%d 年度存在的单位；%s 的存续年度为 %s", "a unit active in %d; %s is active %s"},
	TYearEg:               {"年份，如 2022", "a year such as 2022"},
	TYearNotBefore:        {"不早于起始年度 %d 的年份", "a year not before 起始年度 %d"},
	TParentCode:           {"%s的单位编码", "the code of a %s"},
	TParentActive:         {"%[2]d 年度存在的%[1]s", "a %[1]s active in %[2]d"},
	TRegisterCode:         {"单位名录中的单位编码", "a 单位编码 of the register"},

	TYearFileName:            {"以年份命名的文件，如 2024.md", "a file named for its year, e.g. 2024.md"},
	TNameOtherThan:           {"不用 %s 的其他名字", "a name other than %s"},
	TCaseNumberFrontMatter:   {"在文件头部写明案件编号：number: 清纪问〔2024〕1号", "the case number in the front matter: number: 清纪问〔2024〕1号"},
	TFirstGivenHere:          {"首次出现于此", "first given here"},
	TCaseInRegister:          {"台账中的该案件", "the case in the register"},
	TDecisionDateFrontMatter: {"决定日期：date: 2024-03-01", "the decision date: date: 2024-03-01"},
	TYearOfSite:              {"site.yaml 中的年度", "a year of site.yaml"},
	TUnitActiveThatYear:      {"单位名录中当年存在的单位编码或名称", "a unit code or name of the units register, active that year"},
	TAmountForLevels:         {"据以确定责任等级的金额", "the amount the scheme's levels classify by"},
	TSubjectsFrontMatter:     {"问责对象：subjects: [{name: …, handling: [诫勉谈话]}]", "who is held accountable: subjects: [{name: …, handling: [诫勉谈话]}]"},
	THandlingListEg:          {"处理方式，如 [诫勉谈话]", "the handling, e.g. [诫勉谈话]"},

	TComputedFromHere: {"按此处数据计算得 %s", "the computed score %s comes from here"},
	TTotalIsSum:       {"%s（各项得分之和）", "%s, the sum of the components"},
	TTotalLessCases:   {"%s（各项得分之和 %s 减案件扣分 %s）", "%s (%s, the sum of the components, less %s for cases)"},

	TRevisionsKept:       {"已记录的全站修订全部保留", "every site-wide revision once recorded"},
	TErrataKept:          {"已记录的更正全部保留", "every erratum once recorded"},
	TYearStillPublished:  {"site.yaml 中该年度仍为已发布", "the year published in site.yaml"},
	TFilesDiffer:         {"与已发布版本相比，%d 个输入文件、%d 个网站文件不同", "%d input files and %d files of the site differ from the published edition"},
	TAddedSince:          {"发布后新增", "added since publication"},
	TRemovedSince:        {"发布后删除", "removed since publication"},
	TChangedSince:        {"发布后已改动", "changed since publication"},
	TDiffersFromRevision: {"与已发布版本不同", "differs from the published revision"},
	TMorePages:           {"另有 %d 个页面", "and %d more pages"},
	TDiffers:             {"内容不同", "differs"},
	TWasNow:              {"原为：%s 现为：%s", "was: %s now: %s"},
	TRecordErratum:       {"如属对已发布的 %d 年度结果的更正，请在 site.yaml 该年度下记录更正（errata: - {date: …, what: …, why: …}）；否则请撤销改动（如 git checkout 上述文件）", "if this corrects the published %d edition, record an erratum under the year in site.yaml (errata: - {date: …, what: …, why: …}); if not, undo the change (git checkout the files above)"},
	TRecordRevision:      {"该年度的数据未变：如为模板或网站文字的调整，请在 site.yaml 记录全站修订（revisions: - {date: …, what: …, why: …}）；如为对该年度的更正，请在该年度下记录更正", "its numbers are the same: for a change of templates or of the site's own text, record a site-wide revision in site.yaml (revisions: - {date: …, what: …, why: …}); for a correction of this edition, an erratum under its year"},

	TChartLibrary:        {"主题 assets 中的图表库", "the chart library in the theme's assets"},
	TThemeScript:         {"主题的脚本 %s", "the theme's script %s"},
	TCopyScript:          {"请从 dutyreport 源码的 themes/default/%s 复制", "copy it from themes/default/%s of dutyreport's source"},
	TFewerAliasesStrings: {"请直接写出各项文字，或少用别名（*名称）", "write the strings out, or use fewer aliases (*name)"},
	TThemeKey:            {"主题自带的 %s 中已有的键", "a key of the theme's own %s"},
	TThemeFolder:         {"站点中的 themes/%s 目录，或默认主题", "a folder themes/%s in the site, or the default theme"},
	TPublicBuild:         {"公开版网站（没有该文件）", "a public build, which has no such file"},

	TUpToDate:            {"%s 已是最新：%d 个页面，共 %d 个文件；网站文件夹、选项和程序与上次生成时相同，未读取表格，未写入文件", "%s is up to date: %d pages, %d files; the site folder, the options and the program are as at the last build, so nothing was read or written"},
	TBuilt:               {"已生成 %s：%d 个页面，共 %d 个文件（新写入 %d 个，未变 %d 个）", "built %s: %d pages, %d files (%d written, %d unchanged)"},
	TRecordedIn:          {"已记入 %s：%s（请与数据一并提交）", "recorded in %s: %s (commit it with the data)"},
	TPackedInto:          {"已打包为 %s", "packed into %s"},
	TAuditProblems:       {"发现 %d 个问题，见上", "%d problems: see above"},
	TAuditClean:          {"%s：未发现敏感信息", "%s: no sensitive string found"},
	TMoreProblems:        {"%s：另有 %d 个%s：%s（加 --verbose 显示全部）", "%s: %d more %s: %s (--verbose shows them all)"},
	TMoreProblemsRows:    {"%s：另有 %d 个%s：%s，在第 %d 至 %d 行（加 --verbose 显示全部）", "%s: %d more %s: %s, in rows %d to %d (--verbose shows them all)"},
	tErrors:              {"错误", "errors"},
	tWarnings:            {"警告", "warnings"},
	TSummaryErrors:       {"发现 %d 个错误、%d 个警告：未写入任何文件；请按上述提示修改后重新运行", "%d errors, %d warnings: nothing was written; fix the errors above and run again"},
	TSummaryClean:        {"未发现错误，%d 个警告", "no errors, %d warnings"},
	TInternal:            {"dutyreport：内部错误：%s\n原有网站未被改动。如果不是磁盘已满或权限问题，请报告此错误。", "dutyreport: internal error: %s\nThe previous site was left as it was. If this is not a full disk or a permission problem, please report it."},
	TMadeSite:            {"已新建站点 %s（%d 个文件，%s %d、%d 年度样例数据）。接下来：", "made the site %s (%d files, sample data of %s for %d and %d). Next:"},
	TNextServe:           {"  dutyreport serve --source %s        预览网站，修改后自动刷新", "  dutyreport serve --source %s        preview it, rebuilt as you edit"},
	TNextBuild:           {"  dutyreport build --source %s        生成公开网站（%s/public/）", "  dutyreport build --source %s        the public site, into %s/public/"},
	TNextData:            {"然后用 dutyreport template 生成空白表格发给各单位填写，把收回的表格放进 %s/data/，并删除 site.yaml 中的 sample: true：仍是样例的文件，生成时会一一列出。", "Then make blank workbooks for the units with dutyreport template, put the returned ones in %s/data/ and delete \"sample: true\" from site.yaml: a build names every file still a sample."},
	TUnitDidYouMean:      {"是否应为%s？如是，请改正名称；否则请在单位名录中添加该单位", "did you mean %s? If so, correct the name; else add the unit to the units register"},
	TNearMiss:            {"同一文件夹中有 %s：如是该文件，请改名为 %s", "the folder holds %s: if that is the file, rename it %s"},
	TZipInsideOut:        {"zip 文件 %s 不能放在输出文件夹 %s 之内", "the zip file %s may not be inside the output folder %s"},
	TOutIsSite:           {"输出文件夹 %s 就是站点目录本身", "the output folder %s is the site folder itself"},
	TOutHoldsInputs:      {"输出文件夹 %s 会替换站点的输入（%s）；请换一个文件夹", "the output folder %s would replace the site's inputs (%s); choose another folder"},
	TOutIsDashboard:      {"输出文件夹 %s 中是内部版（有 %s）：公开网站决不能写在内部版之上；请选择公开网站的文件夹", "the output folder %s holds an internal build (it has %s): the public site may never be written over the dashboard; choose the public folder"},
	TOutNotABuild:        {"输出文件夹 %s 中有文件，但不是以前生成的网站（没有 dutyreport 写的 index.html 和 %s）；请选择空的或新的文件夹，或加 --force 生成到其中（其中的文件保留，同名的会被网站的文件替换）", "the output folder %s holds files but no earlier build (no index.html and %s written by dutyreport): choose an empty or new folder, or build into it with --force (its files are kept, those of the same names replaced by the site's)"},
	TOutAroundOther:      {"%s 网站不能写在 %s 网站的文件夹 %s 之内或之外围", "the %s site may not be written into or around the %s site's folder %s"},
	TRevisionsPublic:     {"各版次按发布时的公开版保存：请去掉 --audience internal", "revisions are kept as they were published, in the public audience: leave out --audience internal"},
	TNoSuchYear:          {"%s没有 %d 年度；现有 %s", "the %s has no year %d; it has %s"},
	TDiffDraft:           {"%d 年度是草稿，只在内部版中：dutyreport diff %s %s --audience internal", "%d is a draft, on the internal dashboard only: dutyreport diff %s %s --audience internal"},
	TNoSuchRevision:      {"%d 年度没有第 %d 版可比较（%s）；现有第 1 至 %d 版，较早的版次存于 %s/%d/", "%d has no revision %d to compare (%s); it has revisions 1 to %d, earlier ones as archived in %s/%d/"},
	TBadLang:             {"--lang %q：请用 zh-CN 或 en", "--lang %q: use zh-CN or en"},
	TBadMemoryLimit:      {"--memory-limit %q：请给出大小，如 2GiB 或 512MiB（单位 B、KiB、MiB、GiB、TiB），或 off", "--memory-limit %q: give a size such as 2GiB or 512MiB (units B, KiB, MiB, GiB, TiB), or off"},
	TBadAudience:         {"--audience %q：请用 public（公开网站）或 internal（内部版）", "--audience %q: use public or internal"},
	TBadSourceDate:       {"SOURCE_DATE_EPOCH=%q：请给出自 1970 年起的秒数（整数），不早于 315532800（1980-01-01）", "SOURCE_DATE_EPOCH=%q: give seconds since 1970 as a whole number, from 315532800 (1980-01-01) on"},
	TBadFormat:           {"--format %q：请用 %s", "--format %q: use %s"},
	TNotAFolder:          {"%s 不是文件夹", "%s is not a folder"},
	TAuditBuildFirst:     {"请先生成网站：dutyreport build，再检查其输出文件夹，如 dutyreport audit public", "build the site first (dutyreport build), then audit its output folder, such as dutyreport audit public"},
	TBadEdition:          {"%q 既不是年度（如 2023），也不是版次（如 2023r1）", "%q is neither a year such as 2023 nor a revision such as 2023r1"},
	TBadDate:             {"%s %q：请给出日期，如 2024-03-01", "%s %q: give a date such as 2024-03-01"},
	TSchemeTogether:      {"--scheme-title 和 --scheme-number 须一起给出；都不给则保留样例", "--scheme-title and --scheme-number go together: give both, or neither to keep the sample"},
	TNewNotEmpty:         {"%s 不是空文件夹：新站点需要新的或空的文件夹，其中的文件未改动", "%s is not empty: a new site needs a new or empty folder; nothing in it was touched"},
	TNewOtherFolder:      {"请换一个文件夹名，如 dutyreport new %s-新站点", "choose another folder, such as dutyreport new %s-new"},
	TNewBadYear:          {"--year %d 不是考核年度（1990–2100）", "--year %d is not an assessment year (1990–2100)"},
	TNoSiteHere:          {"要新建站点，请运行 dutyreport new 文件夹名", "to make a new site, run dutyreport new FOLDER"},
	TTemplateNoYear:      {"%d 不是 %s 中的年度（现有 %s）；请先在 years 中加上该年度", "%d is not a year of %s (its years: %s); add it to years: first"},
	TTemplateInInputs:    {"输出文件夹 %s 在站点的输入之中（%s）：空白模板放在那里会被当作该年度的数据读取；请换一个文件夹", "the output folder %s is in the site's inputs (%s): a blank template there would be read as the year's data; choose another folder"},
	TTemplateForeign:     {"输出文件夹 %s 中有 %d 个文件不是 dutyreport template 生成的，或生成后被改过（%s）：各单位交回的文件决不会被覆盖；请移走这些文件，或用 --out 换一个文件夹", "the output folder %s holds %d files that dutyreport template did not make there, or that were changed since (%s): a unit's returned file is never written over; move them, or choose another folder with --out"},
	TNotAYear:            {"%q 不是年度，应如 2025", "%q is not a year such as 2025"},
	TTemplateWriteFailed: {"无法写入模板：%s。请关闭在 Excel 或 WPS 中打开的模板后重新运行；已写好的模板可以照常使用", "could not write a template: %s. Close any template open in Excel or WPS and run it again; the templates written can be used as they are"},
	TNoHelpTopic:         {"没有 %s 这个命令，无从显示帮助", "no command %s to help with"},
	TAddrForm:            {"--addr %q：请写成 主机:端口，如 127.0.0.1:8080", "--addr %q: give host:port, such as 127.0.0.1:8080"},
	TAddrLoopback:        {"--addr %q：内部版只能在本机预览，请用 127.0.0.1、::1 或 localhost", "--addr %q: the internal dashboard is served on this computer only; use 127.0.0.1, ::1 or localhost"},
	TAddrTaken:           {"无法在 %s 上提供预览（%s）：端口可能已被占用，请换一个，如 --addr 127.0.0.1:8081", "cannot serve on %s (%s): the port may be taken; choose another, such as --addr 127.0.0.1:8081"},
	TPublicSite:          {"公开网站", "public site"},
	TInternalSite:        {"内部版", "internal dashboard"},
	TOpenBrowser:         {"未能自动打开浏览器，请在浏览器中打开 %s", "could not open the browser: open %s in it"},
	TAskCounty:           {"县（市、区）名称，如 清河县：", "The county's name, such as 清河县: "},
	TAskOffice:           {"主办单位和通报的发文机关，如 中共清河县纪律检查委员会（可留空，以后在 site.yaml 中填写）：", "The office that runs the site and issues the notices, such as 中共清河县纪律检查委员会 (or leave it for site.yaml): "},
	TAskSchemeTitle:      {"本县考核办法的标题（留空则先用商南县的办法作样例）：", "The title of the county's scheme document (empty: Shangnan's, as a sample): "},
	TAskSchemeNumber:     {"考核办法的文号，如 清发〔2024〕3号：", "Its document number, such as 清发〔2024〕3号: "},
	TAskSchemeIssued:     {"考核办法的印发日期，如 2024-03-01：", "Its date of issue, such as 2024-03-01: "},
	TSchemeIsSample:      {"考核办法仍是商南县的样例（schemes/shangnan.yaml 中的 sample: true）：请改为本县考核办法的标题、文号和印发日期。", "The scheme is still Shangnan's sample (sample: true in schemes/shangnan.yaml): give it the title, number and date of the county's own document."},
	TPreviewing:          {"预览地址：%[2]s（站点目录 %[1]s；按 Ctrl+C 停止）", "previewing %[1]s at %[2]s (Ctrl+C stops)"},
	TOutOfMemory:         {"dutyreport：内部错误：内存不足%s（已用 %s，上限 %s）；原有网站未被改动。如本机内存充足，可用 --memory-limit 提高上限；否则请报告是哪份输入需要这么多内存", "dutyreport: internal error: out of memory%s (%s in use, limit %s); the previous site was left as it was. Raise the limit with --memory-limit if the machine has the memory, or report the input that needs this much"},
	TWhileReading:        {"（读取 %s 时）", " while reading %s"},
	TWhileStage:          {"（%s时）", " while %s"},
	TStageRead:           {"读取输入", "reading the inputs"},
	TStageScore:          {"计算得分", "scoring"},
	TStageRender:         {"生成网页", "rendering"},
	TStageEditions:       {"核对已发布版本", "checking the editions"},
	TStageAudit:          {"隐私检查", "auditing for leaks"},
	TStageWrite:          {"写入网站", "writing"},
	TTotal:               {"合计", "total"},

	TServeFailed:      {"%s 生成失败：%d 个错误、%d 个警告，用时 %s 秒；浏览器中的页面列出了这些问题，改正后自动刷新", "%s build failed: %d errors, %d warnings, in %ss; the pages in the browser list them and reload once they are fixed"},
	TServeBuilt:       {"%s 已生成预览：%d 个页面，%d 个警告，用时 %s 秒", "%s built the preview: %d pages, %d warnings, in %ss"},
	TServeInternal:    {"内部错误：%v（如果不是磁盘已满或权限问题，请报告此错误）", "internal error: %v (if this is not a full disk or a permission problem, please report it)"},
	TServeWatchFailed: {"监视输入文件时出错：%v", "watching the inputs: %v"},
	TServeCannotWatch: {"无法监视 %s：%v", "cannot watch %s: %v"},
	TServeFailTitle:   {"生成失败：发现 %d 个错误、%d 个警告", "Build failed: %d errors, %d warnings"},
	TServeLead:        {"dutyreport 未能生成网站，以下是全部问题。请按提示修改输入文件并保存，本页会自动刷新。", "dutyreport could not build the site; here is every problem. Fix the input files as said and save: this page reloads by itself."},
	TServeFoot:        {"本页由预览服务器 dutyreport serve 生成，不是网站的一部分。", "This page is made by the preview server, dutyreport serve; it is not part of the site."},
	TServePanelTitle:  {"预览：本次生成有 %d 个警告", "Preview: this build has %d warnings"},
	TServeStops:       {"标有“build 将停止”的问题会使 dutyreport build 停止，网站不会发布：预览照常显示这些页面，但不记入 editions.lock。", "A problem marked “build would stop” makes dutyreport build stop, and the site is not published: the preview shows the pages anyway, and nothing is recorded in editions.lock."},
	TServeStopLabel:   {"build 将停止：", "build would stop:"},
	TServeMissing:     {"网站中没有这个页面：", "The site has no such page: "},
	TServeSeeTerminal: {"（读到的值只在运行 dutyreport serve 的电脑上显示）", " (the value found is shown on the computer running dutyreport serve only)"},

	TKindLedger:          {"纪实台账", "ledger"},
	TKindEvaluation:      {"民主测评", "democratic evaluation"},
	TKindScores:          {"考核得分汇总表", "score sheet"},
	TKindCases:           {"责任追究台账", "case register"},
	TKindRoster:          {"人员名单", "roster"},
	TNotTemplateColumn:   {"这不是 %d 年%s的模板：缺少“%s”列", "this is not the template of %d's %s: column %s is missing"},
	TNotTemplateColumns:  {"这不是 %d 年%s的模板：缺少“%s”列", "this is not the template of %d's %s: columns %s are missing"},
	TNotTemplateHeader:   {"这不是 %d 年%s的模板：找不到模板的表头", "this is not the template of %d's %s: its header is not there"},
	TFillTemplateAsSent:  {"请在发出的模板中填写，不要删除、移动或改动列和表头；缺少的列可从原模板复制回来", "fill in the template as it was sent, without deleting, moving or renaming its columns; copy a missing column back from the template"},
	TTemplateOf:          {"%d 年%s的模板", "the template of %d's %s"},
	TTemplateWrote:       {"已生成 %s：%s，%d 行待填", "wrote %s: %s, %d rows to fill"},
	TTemplateWroteHeader: {"已生成 %s：%s，只有表头，逐行填写", "wrote %s: %s, a header only, a row per entry"},
	TTemplateRemoved:     {"已删除上次生成的 %s", "removed %s, made last time"},
	TTemplateNext:        {"请把以上表格发给各单位填写；收回后放入 %s（文件名不变），再运行 dutyreport check --source %s 检查", "Send them to the units to fill in; put the returned files in %s under the same names, then run dutyreport check --source %s"},
	TTemplatePerUnit:     {"各单位的纪实台账收回后，请把各工作簿中以单位编码命名的工作表合并到一个工作簿，保存为 %s（见 README 的 dutyreport template）", "Once the units' ledgers are back, put the sheet named by each unit's code into one workbook, saved as %s (see dutyreport template in the README)"},
}
