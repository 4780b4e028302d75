// Package deploy writes the web server configuration of a site's two
// audiences (`dutyreport build --audience internal` writes it into the
// site's deploy/ folder): nginx, with the dashboard behind HTTP basic
// authentication, and IIS, with the dashboard behind Windows
// authentication. The public site is served as it is; the dashboard,
// which names persons, never to anyone without credentials and never to a
// search engine.
package deploy

import (
	"bytes"
	"fmt"
	"strings"
	"text/template"

	"dutyreport/generator/config"
	"dutyreport/generator/render"
)

// Headers are the response headers both servers send with every file:
// the pages' own Content-Security-Policy again (a header also covers what
// a meta cannot: frames), no MIME sniffing, no referrer to other sites.
var Headers = [][2]string{
	{"Content-Security-Policy", render.CSPBase + "; frame-ancestors 'self'"},
	{"X-Content-Type-Options", "nosniff"},
	{"Referrer-Policy", "same-origin"},
}

// Files are the configuration files, by name, for the site's deploy
// settings; the dashboard's restrictions page has an inline script whose
// hash the header need not name: the page's meta does, and a header adds
// to a meta only restrictions, which CSP intersects.
func Files(d config.Deploy) (map[string][]byte, error) {
	d = withDefaults(d)
	out := map[string][]byte{}
	for name, tmpl := range map[string]*template.Template{"nginx.conf": nginxConf, "web.config": iisPublic, "dashboard.web.config": iisInternal} {
		var b bytes.Buffer
		if err := tmpl.Execute(&b, struct {
			config.Deploy
			Headers [][2]string
		}{d, Headers}); err != nil {
			return nil, fmt.Errorf("deploy: %s: %w", name, err)
		}
		out[name] = b.Bytes()
	}
	return out, nil
}

func withDefaults(d config.Deploy) config.Deploy {
	if d.ServerName == "" {
		d.ServerName = "_"
	}
	if d.PublicRoot == "" {
		d.PublicRoot = "/var/www/dutyreport/public"
	}
	if d.InternalRoot == "" {
		d.InternalRoot = "/var/www/dutyreport/dashboard"
	}
	if d.InternalPath == "" {
		d.InternalPath = "/internal/"
	}
	if !strings.HasSuffix(d.InternalPath, "/") {
		d.InternalPath += "/"
	}
	if d.Htpasswd == "" {
		d.Htpasswd = "/etc/nginx/dutyreport.htpasswd"
	}
	if d.Listen == "" {
		d.Listen = "443 ssl"
		if d.TLSCertificate == "" {
			d.Listen = "80"
		}
	}
	return d
}

var nginxConf = template.Must(template.New("nginx").Parse(`# nginx: the public site and, behind a password, the internal dashboard.
# Written by dutyreport from site.yaml's deploy settings; include it in the
# http block of nginx.conf (include /etc/nginx/conf.d/dutyreport.conf;).
server {
    listen {{.Listen}};
    server_name {{.ServerName}};
{{- if .TLSCertificate}}
    ssl_certificate     {{.TLSCertificate}};
    ssl_certificate_key {{.TLSCertificateKey}};
    ssl_protocols       TLSv1.2 TLSv1.3;
{{- else}}
    # No TLS configured (deploy.tls_certificate): serve over HTTPS in
    # production, as the dashboard's password would otherwise travel in clear.
{{- end}}
    charset utf-8;
    autoindex off;
    server_tokens off;
{{- range .Headers}}
    add_header {{index . 0}} "{{index . 1}}" always;
{{- end}}

    # The public site, as dutyreport built it.
    root {{.PublicRoot}};
    index index.html;
    location / {
        try_files $uri $uri/ =404;
    }
    # Files of the output folder that are no page (.git, .dutyreport-files).
    location ~ /\. {
        deny all;
        return 404;
    }

    # The internal dashboard: persons' names, ledgers and restrictions,
    # for the office only.
    location {{.InternalPath}} {
        alias {{.InternalRoot}}/;
        index index.html;
        auth_basic "dutyreport";
        auth_basic_user_file {{.Htpasswd}};
        add_header X-Robots-Tag "noindex, nofollow" always;
{{- range .Headers}}
        add_header {{index . 0}} "{{index . 1}}" always;
{{- end}}
        add_header Cache-Control "no-store" always;
    }
}
`))

var iisPublic = template.Must(template.New("iis-public").Parse(`<?xml version="1.0" encoding="utf-8"?>
<!-- IIS: the public site, as dutyreport built it. Written by dutyreport from
     site.yaml's deploy settings; copy it into the public site's folder. -->
<configuration>
  <system.webServer>
    <directoryBrowse enabled="false" />
    <defaultDocument enabled="true">
      <files><clear /><add value="index.html" /></files>
    </defaultDocument>
    <security>
      <requestFiltering>
        <hiddenSegments>
          <add segment=".git" />
          <add segment=".dutyreport-files" />
        </hiddenSegments>
      </requestFiltering>
    </security>
    <httpProtocol>
      <customHeaders>
{{- range .Headers}}
        <add name="{{index . 0}}" value="{{index . 1}}" />
{{- end}}
      </customHeaders>
    </httpProtocol>
  </system.webServer>
</configuration>
`))

var iisInternal = template.Must(template.New("iis-internal").Parse(`<?xml version="1.0" encoding="utf-8"?>
<!-- IIS: the internal dashboard, for the office only, behind Windows
     authentication (the office's domain accounts). Copy it into the
     dashboard's folder as web.config; in IIS Manager, enable "Windows
     Authentication" for the server (Server Manager > Web Server > Security).
     Written by dutyreport from site.yaml's deploy settings. -->
<configuration>
  <system.webServer>
    <security>
      <authentication>
        <anonymousAuthentication enabled="false" />
        <windowsAuthentication enabled="true" />
      </authentication>
      <authorization>
        <remove users="*" roles="" verbs="" />
        <add accessType="Allow" users="*" />
        <add accessType="Deny" users="?" />
      </authorization>
    </security>
    <directoryBrowse enabled="false" />
    <httpProtocol>
      <customHeaders>
        <add name="X-Robots-Tag" value="noindex, nofollow" />
        <add name="Cache-Control" value="no-store" />
{{- range .Headers}}
        <add name="{{index . 0}}" value="{{index . 1}}" />
{{- end}}
      </customHeaders>
    </httpProtocol>
  </system.webServer>
</configuration>
`))
