package main

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"

	"github.com/spf13/cobra"

	"dutyreport/generator"
	"dutyreport/generator/problem"
	"dutyreport/generator/record"
)

func templateCmd(g *globals) *cobra.Command {
	var o generator.TemplateOptions
	cmd := &cobra.Command{
		Use:   "template YEAR",
		Short: "Write the blank workbooks of a year for units to fill in",
		Long: `template writes, from the site's scheme and units register, the blank workbooks of
YEAR that the office sends to units: the ledger (a row for each unit and task, the
required count filled in), the democratic evaluation (a row for each ranked unit), the
case register and, when the scheme assesses persons, the roster, each with drop-down
lists, number and date checks, its header locked and a sheet of instructions
(填表说明). They are named as site.yaml names the year's inputs, so that the returned
files go into the year's data folder as they are. They go to templates/YEAR/ in the
site folder; a folder holding other files is refused, so a returned file is never
written over.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			year, err := strconv.Atoi(args[0])
			if err != nil || year < 1000 || year > 9999 {
				return usage(cmd, errorf(problem.TNotAYear, args[0]))
			}
			o.Year = year
			rep, probs, err := generator.Template(o)
			var pe *fs.PathError
			var le *os.LinkError
			if err != nil && (errors.As(err, &pe) || errors.As(err, &le)) {
				// A template open in Excel on Windows, a full disk: the
				// folder stays one the next run takes.
				printProblems(g, probs)
				return refuse(cmd, errorf(problem.TTemplateWriteFailed, err.Error()))
			}
			if err := outcome(cmd, g, probs, err); err != nil {
				return err
			}
			for _, b := range rep.Books {
				p := filepath.ToSlash(filepath.Join(rep.Out, filepath.FromSlash(b.Name)))
				if b.Rows > 0 {
					g.say(g.stdout, problem.T(problem.TTemplateWrote, p, kindText(b.Kind), b.Rows))
				} else {
					g.say(g.stdout, problem.T(problem.TTemplateWroteHeader, p, kindText(b.Kind)))
				}
			}
			for _, r := range rep.Removed {
				g.say(g.stdout, problem.T(problem.TTemplateRemoved, filepath.ToSlash(filepath.Join(rep.Out, filepath.FromSlash(r)))))
			}
			if o.PerUnit {
				g.say(g.stdout, problem.T(problem.TTemplatePerUnit, filepath.ToSlash(filepath.Join(o.Source, rep.Ledger))))
			}
			g.say(g.stdout, problem.T(problem.TTemplateNext, filepath.ToSlash(filepath.Join(o.Source, rep.DataDir)), filepath.ToSlash(o.Source)))
			return nil
		},
	}
	cmd.Flags().StringVar(&o.Source, "source", ".", "the site folder (holding site.yaml)")
	cmd.Flags().StringVar(&o.Out, "out", "", "the output folder (default: templates/YEAR/ in the site folder)")
	cmd.Flags().BoolVar(&o.PerUnit, "per-unit", false, "write the ledger as one workbook per unit, named by its code and name, instead of one for all units")
	return cmd
}

// kindText names an input kind in the language of messages.
func kindText(k record.Kind) problem.Text {
	return problem.T([record.NumKinds]problem.TextID{
		record.KindLedger:     problem.TKindLedger,
		record.KindEvaluation: problem.TKindEvaluation,
		record.KindScores:     problem.TKindScores,
		record.KindCases:      problem.TKindCases,
		record.KindRoster:     problem.TKindRoster,
	}[k])
}
