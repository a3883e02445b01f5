package report

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/leakstop/leakstop/detect"
	"github.com/leakstop/leakstop/rules"
)

// Limits of the job summary: GitHub takes at most 1 MiB per step.
const (
	maxSummaryFindings = 200
	maxSummaryItems    = 50
)

// writeGitHub writes r (sorted) as GitHub Actions workflow commands: an
// error or warning annotation per finding, an error per item that could not
// be read, then one plain line for the log. With Options.Summary it also
// writes the Markdown job summary there.
//
// Neither shows a full secret, even with Options.ShowSecrets: annotations,
// logs and job summaries are kept for months and, in a public repository,
// anyone can read them.
func (r *Report) writeGitHub(w io.Writer, opts Options) error {
	bw := bufio.NewWriter(w)
	for i := range r.Findings {
		f := &r.Findings[i]
		if isSlack(f) && f.Source.File != "" {
			workflowCommand(bw, level(f.Severity), slackAnnotation(f), annotationMessage(f))
			continue
		}
		props := [][2]string{}
		repo := r.repoPrefix(f) // a sweep's place is in another repository: no file of this workspace
		if p := workspacePath(f); p != "" && repo == "" {
			props = append(props, [2]string{"file", p})
		}
		if f.Line >= 1 {
			props = append(props, [2]string{"line", strconv.Itoa(f.Line)})
			// GitHub takes columns only on a one-line annotation.
			if f.Column >= 1 && (f.EndLine == f.Line || f.EndLine == 0) {
				props = append(props, [2]string{"col", strconv.Itoa(f.Column)})
				if f.EndColumn >= f.Column {
					props = append(props, [2]string{"endLine", strconv.Itoa(f.Line)}, [2]string{"endColumn", strconv.Itoa(f.EndColumn)})
				}
			} else if f.EndLine > f.Line {
				props = append(props, [2]string{"endLine", strconv.Itoa(f.EndLine)})
			}
		}
		where := ""
		if repo != "" {
			where = " in " + clean(repo+shownPath(f)) + ":" + strconv.Itoa(f.Line)
		}
		props = append(props, [2]string{"title", title(f) + " (" + clean(f.RuleID) + ")" + where})
		workflowCommand(bw, level(f.Severity), props, annotationMessage(f))
	}
	r.addedAnnotations(func(name string, props [][2]string, message string) { workflowCommand(bw, name, props, message) })
	for _, e := range r.Errors {
		workflowCommand(bw, "error", [][2]string{{"title", "leakstop could not read an item"}},
			fmt.Sprintf("%s: %s (the scan is partial)", clean(e.Path), clean(e.Error)))
	}
	if len(r.Findings) == 0 {
		fmt.Fprintf(bw, "leakstop: no secrets found; %s scanned.\n", plural(r.Scanned, "item"))
	} else {
		fmt.Fprintf(bw, "leakstop: found %s in %s; %s scanned.\n",
			plural(len(r.groups()), "secret"), plural(len(r.Findings), "place"), plural(r.Scanned, "item"))
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	if opts.Summary != nil {
		return r.writeSummary(opts.Summary)
	}
	return nil
}

// annotationMessage says what was found and what to do about it.
func annotationMessage(f *detect.Finding) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s (%s, %s", title(f), clean(f.Preview), f.Severity.String(), statusText(f))
	if f.Source.Commit != "" {
		b.WriteString(", commit " + shortCommit(clean(f.Source.Commit)))
	}
	if w := slackWhere(&f.Source); isSlack(f) && w != "" {
		b.WriteString(", " + w)
	}
	b.WriteString(")")
	if isSlack(f) && webAddress(f.Source.Permalink) {
		b.WriteString("\nMessage: " + f.Source.Permalink)
	}
	var more []string
	for _, l := range f.Lines {
		if l < f.Line || l > max(f.Line, f.EndLine) {
			more = append(more, strconv.Itoa(l))
		}
	}
	if len(more) > 0 {
		b.WriteString("; also on line " + strings.Join(more, ", "))
	}
	issuer := "its issuer"
	if f.Provider != "" {
		issuer = clean(f.Provider)
	}
	fmt.Fprintf(&b, "\nRotate it at %s, then remove it from the code.", issuer)
	fmt.Fprintf(&b, "\nNot a secret? Add a leakstop:allow comment on the line, or this fingerprint to .leakstopignore: %s", f.Fingerprint)
	return b.String()
}

// workflowCommand writes "::name key=value,…::message" with the escaping
// GitHub's runner undoes: % CR LF in the message, and : , too in values.
func workflowCommand(w io.Writer, name string, props [][2]string, message string) {
	var b strings.Builder
	b.WriteString("::" + name)
	for i, p := range props {
		if i == 0 {
			b.WriteByte(' ')
		} else {
			b.WriteByte(',')
		}
		b.WriteString(p[0] + "=" + escapeProperty(p[1]))
	}
	b.WriteString("::" + escapeData(message) + "\n")
	io.WriteString(w, b.String())
}

var (
	dataEscaper     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	propertyEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

func escapeData(s string) string     { return dataEscaper.Replace(s) }
func escapeProperty(s string) string { return propertyEscaper.Replace(s) }

// WriteSummary writes the Markdown job summary of r to w: counts by
// severity and rule, a table of findings, what could not be read, and how
// to accept a finding that is not a secret. It shows previews only.
func (r *Report) WriteSummary(w io.Writer) error {
	return r.sorted().writeSummary(w)
}

// writeSummary writes the job summary of r (sorted).
func (r *Report) writeSummary(w io.Writer) error {
	bw := bufio.NewWriter(w)
	p := func(format string, args ...any) { fmt.Fprintf(bw, format, args...) }
	if len(r.Findings) == 0 {
		p("### leakstop found no secrets\n\n")
	} else {
		p("### leakstop found %s in %s\n\n", plural(len(r.groups()), "secret"), plural(len(r.Findings), "place"))
	}
	facts := []string{fmt.Sprintf("%s scanned (%s)", plural(r.Scanned, "item"), size(r.Bytes))}
	if r.Suppressed > 0 {
		facts = append(facts, r.suppressedText())
	}
	if len(r.Skipped) > 0 {
		facts = append(facts, fmt.Sprintf("%d skipped", len(r.Skipped)))
	}
	switch {
	case r.Partial && r.Interrupted && len(r.Errors) > 0:
		facts = append(facts, fmt.Sprintf("**partial: the scan was interrupted, and %s could not be read**", plural(len(r.Errors), "item")))
	case r.Partial && r.Interrupted:
		facts = append(facts, "**partial: the scan was interrupted**")
	case r.Partial:
		facts = append(facts, fmt.Sprintf("**partial: %s could not be read**", plural(len(r.Errors), "item")))
	}
	p("%s.\n\n", strings.Join(facts, " · "))

	if len(r.Findings) > 0 {
		r.summaryCounts(p)
		r.summaryFindings(p)
	}
	r.summaryAdded(p)
	if len(r.Errors) > 0 {
		p("#### Could not read\n\n")
		summaryList(p, len(r.Errors), func(i int) string { return mdCode(r.Errors[i].Path) + ": " + mdText(r.Errors[i].Error) })
	}
	if len(r.Skipped) > 0 {
		p("#### Skipped\n\n")
		summaryList(p, len(r.Skipped), func(i int) string { return mdCode(r.Skipped[i].Path) + ": " + mdText(r.Skipped[i].Reason) })
	}
	if len(r.Findings) > 0 {
		r.summaryHowTo(p)
	}
	return bw.Flush()
}

// summaryCounts writes the findings by severity, most severe first, and by
// rule, in catalog order.
func (r *Report) summaryCounts(p func(string, ...any)) {
	bySev := map[rules.Severity]int{}
	byRule := map[string]int{}
	first := map[string]*detect.Finding{}
	var ids []string
	for i := range r.Findings {
		f := &r.Findings[i]
		bySev[f.Severity]++
		if byRule[f.RuleID] == 0 {
			first[f.RuleID] = f
			ids = append(ids, f.RuleID)
		}
		byRule[f.RuleID]++
	}
	p("| Severity | Findings |\n| --- | ---: |\n")
	for s := rules.SeverityCritical; s >= rules.SeverityInfo; s-- {
		if n := bySev[s]; n > 0 {
			p("| %s | %d |\n", s, n)
		}
	}
	rank := func(id string) int {
		if n, ok := r.RuleRank[id]; ok {
			return n
		}
		return len(r.RuleRank)
	}
	slices.SortFunc(ids, func(a, b string) int { return cmp.Or(cmp.Compare(rank(a), rank(b)), cmp.Compare(a, b)) })
	p("\n| Rule | What | Severity | Findings |\n| --- | --- | --- | ---: |\n")
	for _, id := range ids {
		f := first[id]
		p("| %s | %s | %s | %d |\n", mdCode(id), mdText(title(f)), f.Severity, byRule[id])
	}
	p("\n")
}

// summaryFindings writes a table of findings, most severe first.
func (r *Report) summaryFindings(p func(string, ...any)) {
	fs := make([]*detect.Finding, len(r.Findings))
	for i := range r.Findings {
		fs[i] = &r.Findings[i]
	}
	slices.SortStableFunc(fs, func(a, b *detect.Finding) int { return cmp.Compare(b.Severity, a.Severity) })
	p("#### Findings\n\n")
	p("| Place | Rule | Severity | Status | Secret | Commit |\n| --- | --- | --- | --- | --- | --- |\n")
	for i, f := range fs {
		if i == maxSummaryFindings {
			p("\n… and %d more: the SARIF or JSON report lists them all.\n", len(fs)-i)
			break
		}
		commit := ""
		if f.Source.Commit != "" {
			commit = mdCode(shortCommit(f.Source.Commit))
		}
		p("| %s | %s | %s | %s | %s | %s |\n", mdCode(r.repoPrefix(f)+shownPath(f)+":"+strconv.Itoa(f.Line)), mdCode(f.RuleID),
			f.Severity, mdText(statusText(f)), mdCode(f.Preview), commit)
	}
	p("\n")
}

// summaryHowTo says what to do: rotate, and how to accept what is not a
// secret, with the ignore file lines ready to paste.
func (r *Report) summaryHowTo(p func(string, ...any)) {
	p("#### What to do\n\n")
	p("1. Treat every secret above as leaked: rotate it at its issuer, then remove it from the code. " +
		"Deleting it in a new commit does not take it out of the history.\n")
	p("2. Not a secret (a test fixture, an example)? Add a `leakstop:allow` comment on its line " +
		"(`# leakstop:allow test fixture`), or add its fingerprint to `.leakstopignore`.\n\n")
	var lines []string
	for i := range r.Findings {
		f := &r.Findings[i]
		if i == maxSummaryFindings {
			break
		}
		lines = append(lines, fmt.Sprintf("%s  # %s:%d %s", f.Fingerprint, clean(r.repoPrefix(f)+shownPath(f)), f.Line, clean(f.RuleID)))
	}
	block := strings.Join(lines, "\n")
	fence := strings.Repeat("`", max(3, longestRun(block, '`')+1))
	p("<details><summary>Lines for .leakstopignore</summary>\n\n%s\n%s\n%s\n\n</details>\n", fence, block, fence)
}

func summaryList(p func(string, ...any), n int, item func(int) string) {
	for i := 0; i < n; i++ {
		if i == maxSummaryItems {
			p("- … and %d more\n", n-i)
			break
		}
		p("- %s\n", item(i))
	}
	p("\n")
}

// mdCode writes s as a code span that holds in a table cell: control
// characters shown escaped, pipes escaped (GitHub splits cells before it
// reads code spans), and a fence longer than any backtick run inside.
func mdCode(s string) string {
	s = strings.ReplaceAll(clean(s), "|", `\|`)
	if s == "" {
		return ""
	}
	fence := strings.Repeat("`", longestRun(s, '`')+1)
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") {
		s = " " + s + " "
	}
	return fence + s + fence
}

func longestRun(s string, c byte) int {
	best, n := 0, 0
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			n++
			best = max(best, n)
		} else {
			n = 0
		}
	}
	return best
}
