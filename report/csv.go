package report

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"
	"unicode"
)

// csvHeader names the CSV report's columns; "secret" follows them only
// with Options.ShowSecrets.
var csvHeader = []string{
	"rule_id", "provider", "severity", "status", "path", "line", "column", "end_line", "end_column",
	"commit", "secret_sha256", "fingerprint", "preview",
	// A Slack place: the channel, the user, the message, and the line of
	// the export's file that holds it.
	"channel", "channel_name", "user", "user_name", "ts", "thread_ts", "permalink", "file", "file_line",
	// The repository a place is in (git).
	"repo",
}

// writeCSV writes r (sorted) as a header row and one row per finding (one
// secret at one path), for spreadsheets and scripts. Errors and skipped
// items are not in it; the JSON report has them.
func (r *Report) writeCSV(w io.Writer, opts Options) error {
	cw := csv.NewWriter(w)
	header := csvHeader
	if opts.ShowSecrets {
		header = append(header[:len(header):len(header)], "secret")
	}
	if err := cw.Write(header); err != nil {
		return err
	}
	for i := range r.Findings {
		f := &r.Findings[i]
		row := []string{
			f.RuleID, f.Provider, f.Severity.String(), string(f.Status), f.Path,
			strconv.Itoa(f.Line), strconv.Itoa(f.Column), strconv.Itoa(f.EndLine), strconv.Itoa(f.EndColumn),
			f.Source.Commit, f.SecretSHA256, f.Fingerprint, f.Preview,
		}
		row = append(row, slackCSV(f)...)
		row = append(row, f.Source.Repo)
		if opts.ShowSecrets {
			row = append(row, string(f.Secret.Reveal()))
		}
		for j := range row {
			row[j] = csvCell(row[j])
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// csvCell defuses formula injection: a spreadsheet runs a cell that starts
// with = + - or @ (after white space), or with a tab or carriage return, as a
// formula, so such a cell gets a leading apostrophe, which spreadsheets
// show as text.
func csvCell(s string) string {
	t := strings.TrimLeftFunc(s, unicode.IsSpace)
	if t == "" {
		return s
	}
	if strings.ContainsRune("=+-@", rune(t[0])) || s[0] == '\t' || s[0] == '\r' {
		return "'" + s
	}
	return s
}
