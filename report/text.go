package report

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"

	"github.com/leakstop/leakstop/detect"
	"github.com/leakstop/leakstop/rules"
	"github.com/leakstop/leakstop/source"
)

// ANSI styles for terminals.
const (
	ansiReset  = "\x1b[0m"
	ansiBold   = "\x1b[1m"
	ansiDim    = "\x1b[2m"
	ansiRed    = "\x1b[31m"
	ansiYellow = "\x1b[33m"
	ansiCyan   = "\x1b[36m"
)

// textWriter writes the human report: one block per distinct secret with
// every place it was found, then what could not be read or was skipped,
// then one summary line.
type textWriter struct {
	w     *bufio.Writer
	color bool
	// repo names a place's repository in a sweep (Report.repoPrefix).
	repo func(*detect.Finding) string
}

func (t *textWriter) style(code, s string) string {
	if !t.color || s == "" {
		return s
	}
	return code + s + ansiReset
}

func (t *textWriter) printf(format string, args ...any) { fmt.Fprintf(t.w, format, args...) }

// writeText writes r (sorted) for people.
func (r *Report) writeText(w io.Writer, opts Options) error {
	t := &textWriter{w: bufio.NewWriter(w), color: opts.Color, repo: r.repoPrefix}
	gs := r.groups()
	for _, g := range gs {
		t.secretBlock(g, opts.ShowSecrets)
	}
	t.suppressedBlocks(r, opts)
	if len(r.Errors) > 0 {
		t.printf("%s\n", t.style(ansiRed, fmt.Sprintf("Could not read %s (the scan is partial):", plural(len(r.Errors), "item"))))
		for _, e := range r.Errors {
			t.printf("  %s: %s\n", clean(e.Path), clean(e.Error))
		}
		t.printf("\n")
	}
	if len(r.Skipped) > 0 {
		t.printf("Skipped %s:\n", plural(len(r.Skipped), "item"))
		for _, s := range r.Skipped {
			t.printf("  %s: %s\n", clean(s.Path), clean(s.Reason))
		}
		t.printf("\n")
	}
	t.printf("%s\n", t.summary(r, len(gs)))
	return t.w.Flush()
}

// secretBlock writes one distinct secret and its places, each with its
// fingerprint.
func (t *textWriter) secretBlock(g *group, show bool) {
	f := g.first()
	status := string(f.Status)
	if f.ConfirmedBy != "" {
		status += " by " + f.ConfirmedBy
	}
	t.printf("%s  %s  %s\n", t.style(ansiBold, f.RuleID), t.severity(f.Severity), status)
	desc := f.Description
	if f.Provider != "" && !strings.Contains(desc, f.Provider) {
		desc = strings.TrimSpace(f.Provider + ": " + desc)
	}
	if desc != "" {
		t.printf("  %s\n", clean(desc))
	}
	if show {
		lines := strings.Split(strings.ReplaceAll(string(f.Secret.Reveal()), "\r\n", "\n"), "\n")
		t.printf("  secret  %s\n", t.style(ansiRed, clean(lines[0])))
		for _, l := range lines[1:] {
			t.printf("          %s\n", t.style(ansiRed, clean(l)))
		}
	} else {
		t.printf("  secret  %s\n", clean(f.Preview))
	}
	switch {
	case f.SecretSHA256 != "":
		t.printf("  sha256  %s\n", t.style(ansiDim, f.SecretSHA256))
	case f.SecretHMAC != "":
		t.printf("  hmac    %s\n", t.style(ansiDim, f.SecretHMAC))
	}
	if v := f.Verification; v != nil {
		t.printf("  verify  %s\n", clean(verificationText(v)))
	}
	if len(g.findings) > 1 {
		t.spread(sprawlOfGroup(g))
	}
	for i, p := range g.findings {
		label := "  at      "
		if i > 0 {
			label = "          "
		}
		t.printf("%s%s%s\n", label, clean(t.repo(p)), placeText(p))
		if isSlack(p) {
			t.slackLines(p)
		}
		// What .leakstopignore and baselines name it by: the secret at
		// this path.
		t.printf("            fingerprint %s\n", t.style(ansiDim, p.Fingerprint))
	}
	t.printf("\n")
}

// spread writes where a secret of several places is: how many places of
// which kinds, when it was first and last seen, and where it still is.
func (t *textWriter) spread(s *sprawl) {
	t.printf("  spread  %s\n", s.spreadText())
	if !s.firstSeen.IsZero() {
		t.printf("          first seen %s, last seen %s\n", seenDate(s.firstSeen), seenDate(s.lastSeen))
	}
	t.printf("          %s\n", s.presentText())
}

// placeText is path:line:column and what else tells the place apart.
func placeText(f *detect.Finding) string {
	var b strings.Builder
	b.WriteString(clean(shownPath(f)))
	b.WriteString(":" + strconv.Itoa(f.Line) + ":" + strconv.Itoa(f.Column))
	var notes []string
	if len(f.Lines) > 1 {
		ls := make([]string, len(f.Lines))
		for i, l := range f.Lines {
			ls[i] = strconv.Itoa(l)
		}
		notes = append(notes, "lines "+strings.Join(ls, ", "))
	}
	if f.Source.Commit != "" {
		notes = append(notes, "commit "+clean(f.Source.Commit))
	}
	if f.Source.AtHead {
		notes = append(notes, "still at HEAD")
	}
	if f.Source.Kind == source.KindSlack && f.Source.Permalink != "" {
		notes = append(notes, "message "+clean(f.Source.Permalink))
	}
	if len(f.Decoded) > 0 {
		notes = append(notes, "decoded from "+strings.Join(f.Decoded, ", "))
	}
	if len(notes) > 0 {
		b.WriteString(" (" + strings.Join(notes, "; ") + ")")
	}
	return b.String()
}

func (t *textWriter) severity(s rules.Severity) string {
	name := s.String()
	switch {
	case s >= rules.SeverityHigh:
		return t.style(ansiRed+ansiBold, name)
	case s == rules.SeverityMedium:
		return t.style(ansiYellow, name)
	}
	return t.style(ansiCyan, name)
}

// summary is the last line: what was found and how much was scanned.
func (t *textWriter) summary(r *Report, secrets int) string {
	scanned := fmt.Sprintf("%s scanned (%s)", plural(r.Scanned, "item"), size(r.Bytes))
	if n := len(r.Repositories); n == 1 {
		scanned += " in 1 repository"
	} else if n > 1 {
		scanned += fmt.Sprintf(" in %d repositories", n)
	}
	var parts []string
	if len(r.Findings) == 0 {
		parts = append(parts, t.style(ansiBold, "No secrets found")+"; "+scanned)
	} else {
		found := fmt.Sprintf("Found %s in %s", plural(secrets, "secret"), plural(len(r.Findings), "place"))
		parts = append(parts, t.style(ansiRed+ansiBold, found)+"; "+scanned)
	}
	if r.Suppressed > 0 {
		parts = append(parts, r.suppressedText())
	}
	if len(r.Skipped) > 0 {
		parts = append(parts, fmt.Sprintf("%d skipped", len(r.Skipped)))
	}
	if r.Partial {
		parts = append(parts, t.style(ansiRed, "partial: "+r.partialText()))
	}
	if vc := r.verificationCounts(); vc != nil {
		parts = append(parts, vc.String())
	}
	if r.Rotation != nil {
		parts = append(parts, r.Rotation.String())
	}
	return strings.Join(parts, "; ") + "."
}

// partialText says why a partial report is: "interrupted", "2 errors",
// or both.
func (r *Report) partialText() string {
	switch {
	case r.Interrupted && len(r.Errors) > 0:
		return "interrupted, " + plural(len(r.Errors), "error")
	case r.Interrupted:
		return "interrupted"
	}
	return plural(len(r.Errors), "error")
}

// Size writes a byte count for people: 999 B, 1.5 KiB, 12.0 MiB.
func Size(n int64) string { return size(n) }

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}

// size writes a byte count for people: 999 B, 1.5 KiB, 12.0 MiB.
func size(n int64) string {
	const unit = 1024
	if n < unit {
		return strconv.FormatInt(n, 10) + " B"
	}
	div, exp := int64(unit), 0
	for m := n / unit; m >= unit && exp < 4; m /= unit {
		div *= unit
		exp++
	}
	return fmt.Sprintf("%.1f %ciB", float64(n)/float64(div), "KMGTP"[exp])
}

// clean escapes control characters so that a file name or a secret cannot
// move the cursor or recolour the terminal.
func clean(s string) string {
	if strings.IndexFunc(s, isControl) < 0 {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if isControl(r) {
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func isControl(r rune) bool { return r != '\t' && unicode.IsControl(r) }
