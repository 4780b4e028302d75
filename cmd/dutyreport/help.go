package main

import (
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"dutyreport/generator/problem"
)

// The command line speaks the clerk's language. The English help is
// written beside each command; these are the Chinese texts, set over it
// when the language is zh-CN (the default). A command or flag without its
// Chinese text fails TestEveryCommandSpeaksChinese.

// zhCommands are each command's Short and Long, by name.
var zhCommands = map[string][2]string{
	"dutyreport": {"根据导出的表格生成党风廉政建设责任制考核结果网站",
		`dutyreport 读取站点目录（site.yaml、考核办法、data/ 中导出的表格和 content/ 中的 Markdown），
生成静态网站：排名、档次、单位页面和数据下载。公开网站写入 public/，内部版写入 dashboard/。`},
	"build": {"生成一个版本（公开网站或内部版）的网站",
		`build 读取站点目录，检查全部输入，计算各年度得分并写出网站。只有全部输入都正确才写文件：
新网站完整生成之前，原来的网站保持不变，生成后一次替换。`},
	"check": {"检查全部输入，列出全部问题，不写任何文件", ""},
	"audit": {"检查已生成的网站是否含有不应公开的个人信息",
		`audit 检查 DIR 中已生成网站的每个文件及文件名、文件夹名，查找站点输入中的各项敏感信息：
被问责人员和人员名单中的姓名、身份证号和电话号码，举报人和证人的姓名；公开版还按格式查找
身份证号、电话号码、银行卡号和电子邮箱。文件按读者看到的内容读取（网页的文字和属性、CSV 字段、
JSON 和脚本中的字符串、zip 中的文件；实体解码，去掉不可见字符和汉字间的空格，繁体归并为简体），
也按网页可能使用的各种编码读取原始字节。每处命中都列出文件和行号，姓名本身打码。
生成公开网站时会自动对输出运行这项检查。`},
	"diff": {"列出两个年度（或同一年度两个版次）之间的变化",
		`diff 比较网站的两个版本 FROM 和 TO：两个年度（2022 2023），或同一年度的两个版次
（2023r1 2023：首次发布的版本与当前版本；较早的版次从 editions/2023/r1/ 读取）。
列出组内名次变化的单位及变化幅度、档次变化、结果运用的增减、通报的增减，
以及新增、更名、合并和撤销的单位。输出文本（默认）、Markdown 或 JSON，使用网站的语言；
各年度的“与上年相比”页面由同一段程序生成。`},
	"new": {"新建一个可立即生成的站点目录（含样例数据）",
		`new 在 DIR（新的或空的文件夹）中新建站点：site.yaml、商南县考核办法、Markdown 页面和一个
小型样例县两个年度的表格（--year 的前一年为已发布，--year 为草稿）。可以立即生成网站，
然后换成本县的表格和文字，并删除 site.yaml 中的 sample: true。
在终端中运行且未给 --county 时，会询问县名、发文机关和本县考核办法；未给出本县考核办法
标题和文号的，考核办法仍是商南县的样例，公开网站会拒绝发布。`},
	"serve": {"边修改边预览：生成网站、在本机提供浏览，每次修改后重新生成",
		`serve 把网站生成到临时文件夹并在 127.0.0.1 上提供浏览（--addr），然后监视 data/、content/、
themes/、schemes/、layouts/、i18n/、site.yaml 及其中列出的每个输入，每次修改后重新生成；
打开的页面会自动刷新。上次生成失败时，每个页面改为列出问题。这只是预览：改动已发布的版本
在每个页面的面板中提示为警告，不会记入 editions.lock。按 Ctrl+C 停止并删除临时文件夹。`},
	"version": {"显示 dutyreport 的版本", ""},
	"template": {"生成某一年度发给各单位填写的空白表格",
		`template 根据站点的考核办法和单位名录，生成 YEAR 年度发给各单位填写的空白表格：纪实台账（每个单位
每项任务一行，已填好应完成次数）、民主测评（每个参与排名的单位一行）、责任追究台账，考核办法考核
个人时还有人员名单。每个表格都有下拉选项、数字和日期校验、锁定的表头和一张“填表说明”。
文件名与 site.yaml 中该年度的输入相同，收回的表格可直接放进该年度的数据文件夹。表格写入站点目录中的
templates/YEAR/；文件夹中有其他文件时拒绝写入，各单位交回的文件决不会被覆盖。`},
	"help": {"显示任一命令的帮助", "help 显示任一命令的帮助：dutyreport help 命令名。"},
}

// zhFlags are the flags' help texts, by command and flag ("build source"),
// or by flag alone where it means the same in every command.
var zhFlags = map[string]string{
	"lang":           "提示信息的语言：zh-CN 或 en（不给出时按系统的语言环境）",
	"memory-limit":   "内存中的数据超过此大小时停止并报内部错误（退出码 3），如 2GiB 或 512MiB，或 off（默认：设置了 GOMEMLIMIT 时用其值，否则为机器或容器内存的 3/4）",
	"source":         "站点目录（含 site.yaml）",
	"out":            "输出文件夹（默认为站点目录中的 public/ 或 dashboard/，见 site.yaml）",
	"audience":       "public（县政府网站上的公开网站）或 internal（本单位使用的内部版）",
	"no-cache":       "重新读取每个输入文件，不使用缓存中未变文件的读取结果",
	"force":          "生成到有其他文件的输出文件夹（保留这些文件），或覆盖上次生成后被手工改过的页面",
	"zip":            "同时把生成的网站打包成此 zip 文件，同一网站的字节相同（用于上传到县政府网站的内容管理系统）",
	"format":         "text，或 json：把全部问题以 JSON 数组（各部分分开）输出到标准输出",
	"quiet":          "只输出问题：不显示进度和汇总",
	"verbose":        "显示生成各阶段的用时，并列出全部问题（不只每个文件的前 50 个）",
	"audit source":   "站点目录，其中的输入列出要查找的敏感信息",
	"audit audience": "DIR 中网站的版本：public 或 internal",
	"diff audience":  "按哪个版本的读者比较：public（姓名打码，已发布年度）或 internal",
	"diff format":    "text、markdown 或 json",
	"county":         "县（市、区）名称",
	"year":           "最近的考核年度（草稿）；其前一年为已发布",
	"office":         "主办单位和通报的发文机关（写入 footer.operator 和 notices.issuer）",
	"scheme-title":   "本县考核办法的标题",
	"scheme-number":  "考核办法的文号，如 清发〔2024〕3号",
	"scheme-issued":  "考核办法的印发日期，如 2024-03-01",
	"serve audience": "预览哪个版本：public 或 internal",
	"open":           "在默认浏览器中打开预览（Windows 上默认打开）",
	"addr":           "预览的地址 主机:端口（端口 0 为任选空闲端口）；内部版只能在本机（127.0.0.1、::1 或 localhost）",
	"per-unit":       "纪实台账按单位各写一个工作簿（以单位编码和名称命名），而不是全部单位一个",
	"template out":   "输出文件夹（默认为站点目录中的 templates/YEAR/）",
	"help":           "显示 %s 的帮助",
}

// zhUsage is cobra's usage template in Chinese; the English one is
// cobra's own.
const zhUsage = `用法：{{if .Runnable}}
  {{.CommandPath}}{{with useArgs .}} {{.}}{{end}}{{if .HasAvailableFlags}} [选项]{{end}}{{end}}{{if .HasAvailableSubCommands}}
  {{.CommandPath}} [命令]{{end}}{{if .HasAvailableSubCommands}}

命令：{{range .Commands}}{{if (or .IsAvailableCommand (eq .Name "help"))}}
  {{rpad .Name .NamePadding }} {{.Short}}{{end}}{{end}}{{end}}{{if .HasAvailableLocalFlags}}

选项：
{{zhFlags .LocalFlags | trimTrailingWhitespaces}}{{end}}{{if .HasAvailableInheritedFlags}}

全局选项：
{{zhFlags .InheritedFlags | trimTrailingWhitespaces}}{{end}}{{if .HasAvailableSubCommands}}

运行 "{{.CommandPath}} [命令] --help" 查看命令的详细说明。{{end}}
`

// localize sets the help of root and every command under it in lang: the
// Chinese texts over the English for zh-CN, and in every language a help
// command and -h flags of the same words. The completion command stays out
// of the list (it is for shells, not clerks), but works.
func localize(root *cobra.Command, lang problem.Lang) {
	root.CompletionOptions.HiddenDefaultCmd = true
	root.InitDefaultHelpCmd()
	// help of a command there is not: a usage mistake, not cobra's
	// English line and exit 0.
	for _, c := range root.Commands() {
		if c.Name() == "help" {
			c.Run = nil
			c.RunE = func(c *cobra.Command, args []string) error {
				target, _, err := c.Root().Find(args)
				if target == nil || err != nil || (len(args) > 0 && target == c.Root()) {
					return usage(c.Root(), errorf(problem.TNoHelpTopic, strings.Join(args, " ")))
				}
				target.InitDefaultHelpFlag()
				return target.Help()
			}
		}
	}
	zh := lang == problem.ZH
	if zh {
		cobra.AddTemplateFunc("useArgs", func(c *cobra.Command) string {
			_, args, _ := strings.Cut(c.Use, " ")
			return args
		})
		cobra.AddTemplateFunc("zhFlags", zhFlagUsages)
		root.SetUsageTemplate(zhUsage)
	}
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		if c.Flags().Lookup("help") == nil {
			usage := "help for " + c.Name()
			if zh {
				usage = strings.Replace(zhFlags["help"], "%s", c.Name(), 1)
			}
			c.Flags().BoolP("help", "h", false, usage)
		}
		if zh {
			if t, ok := zhCommands[c.Name()]; ok {
				c.Short, c.Long = t[0], t[1]
			}
			each := func(f *pflag.Flag) {
				if t, ok := zhFlags[c.Name()+" "+f.Name]; ok {
					f.Usage = t
				} else if t, ok := zhFlags[f.Name]; ok && f.Name != "help" {
					f.Usage = t
				}
			}
			c.Flags().VisitAll(each)
			c.PersistentFlags().VisitAll(each)
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
}
