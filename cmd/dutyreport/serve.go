package main

import (
	"errors"
	"os"
	"os/exec"
	"os/signal"
	"runtime"
	"syscall"

	"github.com/spf13/cobra"

	"dutyreport/generator"
	"dutyreport/generator/config"
	"dutyreport/generator/problem"
	"dutyreport/serve"
)

func serveCmd(g *globals) *cobra.Command {
	var o generator.Options
	var addr string
	var open bool
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Preview the site while editing it: build, serve on this computer, rebuild on each change",
		Long: `serve builds the site into a temporary folder and serves it on 127.0.0.1 (--addr),
then watches data/, content/, themes/, schemes/, layouts/, i18n/, site.yaml and every
input site.yaml names, and rebuilds after each change; open pages reload by themselves.
While the last build failed, every page lists its problems instead. It is a preview:
a change to a published edition is a warning in a panel on each page, and nothing is
recorded in editions.lock. Ctrl+C stops it and removes the temporary folder.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkAudience(o.Audience); err != nil {
				return usage(cmd, err)
			}
			if st, err := os.Stat(o.Source); err != nil || !st.IsDir() {
				return refuse(cmd, errorf(problem.TNotAFolder, o.Source), problem.T(problem.TNoSiteHere))
			}
			ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt, syscall.SIGTERM)
			defer stop()
			srv, err := serve.Start(serve.Options{Build: o, Addr: addr, Lang: g.language(), Log: g.stderr})
			var addrErr *serve.AddrError
			switch {
			case errors.As(err, &addrErr):
				return usage(cmd, err)
			case err != nil:
				return internal(g, err)
			}
			g.say(g.stdout, problem.T(problem.TPreviewing, o.Source, srv.URL()))
			if open {
				if err := openBrowser(srv.URL()); err != nil {
					g.say(g.stderr, problem.T(problem.TOpenBrowser, srv.URL()))
				}
			}
			select {
			case <-ctx.Done():
			case err = <-srv.Err():
			}
			stop() // a second Ctrl+C ends at once
			if cerr := srv.Close(); err == nil {
				err = cerr
			}
			if err != nil {
				return internal(g, err)
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&o.Source, "source", ".", "the site folder (holding site.yaml)")
	cmd.Flags().StringVar(&o.Audience, "audience", config.Public, "public (the county website) or internal (the office's dashboard)")
	cmd.Flags().StringVar(&addr, "addr", "127.0.0.1:8080", "where to serve the preview, host:port (port 0 picks a free one); the internal dashboard only on 127.0.0.1, ::1 or localhost")
	cmd.Flags().BoolVar(&o.NoCache, "no-cache", false, "read every input file again on each build, ignoring what the cache kept of unchanged ones")
	// A clerk on Windows starts it from a console: the browser opens by
	// itself. Elsewhere the address printed is clicked or typed.
	cmd.Flags().BoolVar(&open, "open", runtime.GOOS == "windows", "open the preview in the default browser (default on Windows)")
	return cmd
}

// openBrowser opens url in the system's default browser.
func openBrowser(url string) error {
	var cmd *exec.Cmd
	switch runtime.GOOS {
	case "windows":
		cmd = exec.Command("rundll32", "url.dll,FileProtocolHandler", url)
	case "darwin":
		cmd = exec.Command("open", url)
	default:
		cmd = exec.Command("xdg-open", url)
	}
	return cmd.Start()
}
