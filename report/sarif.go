package report

import (
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"path"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/owenrumney/go-sarif/v2/sarif"

	"github.com/leakstop/leakstop/detect"
	"github.com/leakstop/leakstop/rules"
)

// SARIF limits and constants. GitHub code scanning rejects a run with more
// than 25,000 results, and reads only the first location of a result.
const (
	maxSARIFResults = 25000
	// maxRelated bounds the related locations (other lines holding the same
	// secret) of one result.
	maxRelated = 100
	// maxNotifications bounds the errors, and the skipped items, listed
	// one by one in the invocation.
	maxNotifications = 1000
	informationURI   = "https://github.com/leakstop/leakstop"
	srcRoot          = "%SRCROOT%"
	// cweHardcoded is CWE-798, Use of Hard-coded Credentials, as a GitHub
	// code scanning tag.
	cweHardcoded = "external/cwe/cwe-798"
)

// securitySeverity is the CVSS-like score GitHub code scanning ranks
// security alerts by (over 9.0 critical, 7.0 to 8.9 high, 4.0 to 6.9
// medium, 0.1 to 3.9 low), for each severity of a rule.
func securitySeverity(s rules.Severity) string {
	switch {
	case s >= rules.SeverityCritical:
		return "9.5"
	case s == rules.SeverityHigh:
		return "8.0"
	case s == rules.SeverityMedium:
		return "5.5"
	case s == rules.SeverityLow:
		return "3.0"
	}
	return "1.0"
}

// level is the SARIF level (and GitHub annotation command) of a severity:
// error for critical and high, warning below.
func level(s rules.Severity) string {
	if s >= rules.SeverityHigh {
		return "error"
	}
	return "warning"
}

// confirmed reports whether a finding passed an offline validator or a
// live check (a revoked secret did once work).
func confirmed(f *detect.Finding) bool {
	return f.Status == detect.StatusConfirmed || f.Status == detect.StatusVerified || f.Status == detect.StatusRevoked
}

// title names what a finding is: its rule's description, with the provider
// when the description does not say it.
func title(f *detect.Finding) string {
	desc := strings.TrimSpace(f.Description)
	switch {
	case desc == "":
		desc = "Secret matched by rule " + f.RuleID
	case f.Provider != "" && !strings.Contains(strings.ToLower(desc), strings.ToLower(f.Provider)):
		desc = f.Provider + ": " + desc
	}
	return clean(desc)
}

// statusText is a finding's status and how it was confirmed.
func statusText(f *detect.Finding) string {
	if f.ConfirmedBy != "" {
		return string(f.Status) + " by " + f.ConfirmedBy
	}
	return string(f.Status)
}

// workspacePath is a finding's path relative to where the scan ran (the
// repository's root in CI), which is what code scanning and workflow
// annotations resolve: the shown path when it is relative and stays inside,
// the canonical path otherwise.
func workspacePath(f *detect.Finding) string {
	p := shownPath(f)
	if path.IsAbs(p) || p == ".." || strings.HasPrefix(p, "../") || (len(p) > 1 && p[1] == ':') {
		return f.Path
	}
	return p
}

// sarifURI is p as a relative URI reference: percent-encoded, and with a
// leading "./" when its first segment holds a colon.
func sarifURI(p string) string {
	return (&url.URL{Path: p}).String()
}

// writeSARIF writes r (sorted) as SARIF 2.1.0 for GitHub code scanning:
// one result per finding, at most limit of them.
func (r *Report) writeSARIF(w io.Writer, opts Options, limit int) error {
	kept := keepForSARIF(r.Findings, limit)
	name := cmp.Or(r.Tool.Name, "leakstop")
	driver := sarif.NewDriver(name).WithInformationURI(informationURI)
	if r.Tool.Version != "" {
		driver.WithVersion(r.Tool.Version)
	}
	run := sarif.NewRun(*sarif.NewTool(driver)).WithColumnKind("unicodeCodePoints")
	if opts.Category != "" {
		run.WithAutomationDetails(sarif.NewRunAutomationDetails().WithID(opts.Category))
	}

	index := r.sarifRules(driver, kept)
	for _, f := range kept {
		run.Results = append(run.Results, sarifResult(f, index[f.RuleID], opts.ShowSecrets))
	}

	inv := sarif.NewInvocation().WithExecutionSuccess(!r.Partial)
	notify := func(level string, n int, text func(i int) string) {
		for i := 0; i < n; i++ {
			msg := text(i)
			if i == maxNotifications {
				msg = fmt.Sprintf("… and %d more; the JSON report lists them all.", n-i)
			}
			inv.AddTToolExecutionNotification(sarif.NewNotification().WithLevel(level).WithTextMessage(msg))
			if i == maxNotifications {
				break
			}
		}
	}
	notify("error", len(r.Errors), func(i int) string {
		return fmt.Sprintf("Could not read %s: %s", clean(r.Errors[i].Path), clean(r.Errors[i].Error))
	})
	omitted := len(r.Findings) - len(kept)
	notify("warning", min(omitted, 1), func(int) string {
		return fmt.Sprintf("Only %d of %d findings are written as results (code scanning accepts at most %d per run); "+
			"the most severe and confirmed were kept. The JSON report has them all.", len(kept), len(r.Findings), limit)
	})
	notify("note", len(r.Skipped), func(i int) string {
		return fmt.Sprintf("Skipped %s: %s", clean(r.Skipped[i].Path), clean(r.Skipped[i].Reason))
	})
	run.Invocations = []*sarif.Invocation{inv}

	props := sarif.Properties{
		"findings":      len(r.Findings),
		"results":       len(kept),
		"truncated":     omitted > 0,
		"partial":       r.Partial,
		"errors":        len(r.Errors),
		"skipped":       len(r.Skipped),
		"suppressed":    r.Suppressed,
		"scanned_items": r.Scanned,
		"scanned_bytes": r.Bytes,
	}
	if omitted > 0 {
		props["omitted_results"] = omitted
	}
	run.Properties = props

	doc, err := sarif.New(sarif.Version210)
	if err != nil {
		return err
	}
	doc.AddRun(run)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(doc)
}

// keepForSARIF returns the findings a run can hold, in report order: all of
// them, or, past limit, the most severe, confirmed ones first.
func keepForSARIF(fs []detect.Finding, limit int) []*detect.Finding {
	idx := make([]int, len(fs))
	for i := range idx {
		idx[i] = i
	}
	if len(fs) > limit {
		slices.SortStableFunc(idx, func(a, b int) int {
			return cmp.Or(
				cmp.Compare(fs[b].Severity, fs[a].Severity),
				compareBool(confirmed(&fs[b]), confirmed(&fs[a])),
			)
		})
		idx = idx[:limit]
		slices.Sort(idx)
	}
	out := make([]*detect.Finding, len(idx))
	for i, j := range idx {
		out[i] = &fs[j]
	}
	return out
}

func compareBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}

// sarifRules adds one reporting descriptor per rule that has a result, in
// catalog order, and returns each rule's index.
func (r *Report) sarifRules(driver *sarif.ToolComponent, kept []*detect.Finding) map[string]int {
	first := map[string]*detect.Finding{}
	precise := map[string]bool{}
	var ids []string
	for _, f := range kept {
		if first[f.RuleID] == nil {
			first[f.RuleID] = f
			ids = append(ids, f.RuleID)
		}
		precise[f.RuleID] = precise[f.RuleID] || confirmed(f)
	}
	rank := func(id string) int {
		if n, ok := r.RuleRank[id]; ok {
			return n
		}
		return len(r.RuleRank)
	}
	slices.SortFunc(ids, func(a, b string) int { return cmp.Or(cmp.Compare(rank(a), rank(b)), cmp.Compare(a, b)) })
	index := make(map[string]int, len(ids))
	for i, id := range ids {
		index[id] = i
		driver.Rules = append(driver.Rules, sarifRule(first[id], precise[id]))
	}
	return index
}

// sarifRule describes f's rule: what the secret is and what to do about it.
func sarifRule(f *detect.Finding, precise bool) *sarif.ReportingDescriptor {
	what := title(f)
	issuer := "its issuer"
	if f.Provider != "" {
		issuer = clean(f.Provider)
	}
	precision := "high"
	if precise {
		precision = "very-high"
	}
	tags := []string{"security", "secret", cweHardcoded}
	if f.Family != "" {
		tags = append(tags, clean(f.Family))
	}
	full := fmt.Sprintf("%s written into source code, configuration or history. Anyone who can read the repository, "+
		"a fork, a clone or a build log can use it until it is revoked at %s.", what, issuer)
	return sarif.NewRule(f.RuleID).
		WithName(ruleName(f.RuleID)).
		WithShortDescription(sarif.NewMultiformatMessageString(what)).
		WithFullDescription(sarif.NewMultiformatMessageString(full)).
		WithHelp(sarif.NewMultiformatMessageString(helpText(f, what, issuer)).WithMarkdown(helpMarkdown(f, what, issuer))).
		WithDefaultConfiguration(sarif.NewReportingConfiguration().WithLevel(level(f.Severity))).
		WithProperties(sarif.Properties{
			"security-severity": securitySeverity(f.Severity),
			"precision":         precision,
			"tags":              tags,
			"severity":          f.Severity.String(),
		})
}

// ruleName is a rule id in Pascal case ("aws-access-key" → AwsAccessKey), the
// form SARIF viewers expect of a name.
func ruleName(id string) string {
	var b strings.Builder
	upper := true
	for _, c := range id {
		if !unicode.IsLetter(c) && !unicode.IsDigit(c) {
			upper = true
			continue
		}
		if upper {
			c = unicode.ToUpper(c)
			upper = false
		}
		b.WriteRune(c)
	}
	return b.String()
}

// isKey tells key material (revoked by distrusting its public half) from
// tokens and passwords (revoked at the issuer).
func isKey(f *detect.Finding) bool {
	return strings.Contains(strings.ToLower(f.Description), "private key")
}

func helpText(f *detect.Finding, what, issuer string) string {
	rotate := fmt.Sprintf("Rotate it: revoke the leaked value at %s and issue a new one, then look in %s's logs for use you do not recognise.", issuer, issuer)
	if isKey(f) {
		rotate = "Rotate it: remove its public half wherever it is trusted (authorized_keys, deploy keys, certificates, signing configurations) and generate a new key pair."
	}
	return what + " is a credential. Once it is committed, deleting it from the code does not make it secret again: " +
		"it stays in the history, in forks, clones and caches.\n\n" +
		"1. " + rotate + "\n" +
		"2. Remove it from the code: read the new value from a secret store or an environment variable that is not committed.\n" +
		"3. Rewriting history (git filter-repo) is optional and comes after rotating; rotating is what protects you.\n" +
		"4. Not a real secret (a test fixture, an example)? Accept it with a leakstop:allow comment on its line, " +
		"or add the alert's fingerprint to .leakstopignore."
}

func helpMarkdown(f *detect.Finding, what, issuer string) string {
	rotate := fmt.Sprintf("**Rotate it**: revoke the leaked value at %s and issue a new one, then look in %s's logs for use you do not recognise.", mdText(issuer), mdText(issuer))
	if isKey(f) {
		rotate = "**Rotate it**: remove its public half wherever it is trusted (`authorized_keys`, deploy keys, certificates, signing configurations) and generate a new key pair."
	}
	return "## " + mdText(what) + "\n\n" +
		"This is a credential. Once it is committed, deleting it from the code does not make it secret again: " +
		"it stays in the history, in forks, clones and caches.\n\n" +
		"1. " + rotate + "\n" +
		"2. **Remove it from the code**: read the new value from a secret store or an environment variable that is not committed.\n" +
		"3. Rewriting history (`git filter-repo`) is optional and comes after rotating; rotating is what protects you.\n" +
		"4. Not a real secret (a test fixture, an example)? Accept it with a `leakstop:allow` comment on its line, " +
		"or add the alert's fingerprint to `.leakstopignore`.\n"
}

// sarifResult is one finding: its first place as the location code scanning
// shows, its other lines as related locations, and its fingerprint, so code
// scanning follows the alert across line moves and never hashes files
// itself.
func sarifResult(f *detect.Finding, ruleIndex int, show bool) *sarif.Result {
	msg := title(f) + ": " + clean(f.Preview) + " (" + f.Severity.String() + ", " + statusText(f)
	if f.Source.Commit != "" {
		msg += ", commit " + shortCommit(f.Source.Commit)
	}
	if w := slackWhere(&f.Source); isSlack(f) && w != "" {
		msg += ", " + w
	}
	if len(f.Decoded) > 0 {
		msg += ", decoded from " + strings.Join(f.Decoded, ", ")
	}
	msg += ")."
	res := sarif.NewRuleResult(f.RuleID).
		WithRuleIndex(ruleIndex).
		WithLevel(level(f.Severity)).
		WithMessage(sarif.NewTextMessage(msg)).
		WithLocations([]*sarif.Location{sarifLocation(f, sarifRegion(f))}).
		WithPartialFingerPrints(map[string]any{"primaryLocationLineHash": f.Fingerprint})
	var related []*sarif.Location
	for _, l := range f.Lines {
		if l >= f.Line && l <= max(f.Line, f.EndLine) {
			continue
		}
		if len(related) == maxRelated {
			break
		}
		loc := sarifLocation(f, sarif.NewRegion().WithStartLine(l)).WithId(len(related) + 1)
		related = append(related, loc.WithDescriptionText("Another copy of the same secret."))
	}
	res.RelatedLocations = related
	res.Properties = sarifResultProperties(f, show)
	return res
}

func sarifLocation(f *detect.Finding, region *sarif.Region) *sarif.Location {
	if isSlack(f) && f.Source.File != "" {
		return slackSARIFLocation(f, region)
	}
	art := sarif.NewArtifactLocation()
	if p := workspacePath(f); p != "" {
		art.WithUri(sarifURI(p)).WithUriBaseId(srcRoot)
	} else {
		// A place without a path (an unreachable git object): code scanning
		// needs a location, so the kind of place stands in.
		art.WithUri(sarifURI(cmp.Or(f.Source.Kind, "unknown")))
		region = nil
	}
	pl := sarif.NewPhysicalLocation().WithArtifactLocation(art)
	if region != nil {
		pl.WithRegion(region)
	}
	return sarif.NewLocationWithPhysicalLocation(pl)
}

// sarifRegion converts a finding's place: our columns count characters
// from 1 and the end column is that of the secret's last character; SARIF's
// end column is one past it.
func sarifRegion(f *detect.Finding) *sarif.Region {
	if f.Line < 1 {
		return nil
	}
	reg := sarif.NewRegion().WithStartLine(f.Line)
	if f.Column >= 1 {
		reg.WithStartColumn(f.Column)
	}
	if f.EndLine >= f.Line {
		reg.WithEndLine(f.EndLine)
		if f.EndColumn >= 1 && f.Column >= 1 && (f.EndLine > f.Line || f.EndColumn >= f.Column) {
			reg.WithEndColumn(f.EndColumn + 1)
		}
	}
	return reg
}

// sarifResultProperties is what code scanning does not model: the secret's
// identity, how it was confirmed and where in history it came from.
func sarifResultProperties(f *detect.Finding, show bool) sarif.Properties {
	p := sarif.Properties{
		"severity":    f.Severity.String(),
		"status":      string(f.Status),
		"fingerprint": f.Fingerprint,
		"preview":     f.Preview,
		"path":        f.Path,
		"lines":       nonNil(f.Lines),
	}
	o := f.Source
	for k, v := range map[string]string{
		"confirmed_by": f.ConfirmedBy, "provider": f.Provider,
		"secret_sha256": f.SecretSHA256, "secret_hmac": f.SecretHMAC,
		"kind": o.Kind, "repo": o.Repo, "commit": o.Commit, "author": o.Author,
		"channel": o.Channel, "channel_name": o.ChannelName, "channel_type": o.ChannelType,
		"user": o.User, "user_name": o.UserName, "user_real_name": o.UserRealName,
		"ts": o.TS, "thread_ts": o.ThreadTS, "permalink": o.Permalink, "file": o.File,
	} {
		if v != "" {
			p[k] = v
		}
	}
	if !o.Date.IsZero() {
		p["date"] = o.Date.UTC().Format(time.RFC3339)
	}
	if v := f.Verification; v != nil {
		p["verification"] = sarifVerification(v)
	}
	if isSlack(f) && o.File != "" {
		p["file_line"] = slackFileLine(f, f.Line)
	}
	if len(o.Commits) > 0 {
		p["commits"] = o.Commits
	}
	if o.CommitCount > 0 {
		p["commit_count"] = o.CommitCount
	}
	if len(f.Decoded) > 0 {
		p["decoded"] = f.Decoded
	}
	if f.Weak {
		p["weak"] = true
	}
	if show {
		p["secret"] = string(f.Secret.Reveal())
	}
	return p
}

// shortCommit abbreviates a commit id as git does by default.
func shortCommit(c string) string {
	if len(c) > 7 {
		return c[:7]
	}
	return c
}

// mdText escapes Markdown's punctuation (and HTML) in plain text.
func mdText(s string) string {
	s = clean(s)
	var b strings.Builder
	for _, c := range s {
		if strings.ContainsRune("\\`*_[]<>|~&", c) {
			b.WriteByte('\\')
		}
		b.WriteRune(c)
	}
	return strings.ReplaceAll(b.String(), "\t", " ")
}
