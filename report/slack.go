package report

import (
	"path"
	"strconv"
	"strings"

	"github.com/owenrumney/go-sarif/v2/sarif"

	"github.com/leakstop/leakstop/detect"
	"github.com/leakstop/leakstop/source"
)

// A Slack place (origin kind "slack") has no file in a repository: its
// canonical path is slack/CHANNEL_ID/TS, its lines are those of the
// message's text. Reports name the channel and the user, link to the
// message, and point at the line of the export's day file that holds the
// text (the file a downloaded file of the message is in, and its line).

// isSlack reports whether a finding is in a Slack export.
func isSlack(f *detect.Finding) bool { return f.Source.Kind == source.KindSlack }

// slackChannel names a message's channel for people: #name, a direct
// message by its members, then the kind and the id in brackets.
func slackChannel(o *source.Origin) string {
	name := strings.TrimPrefix(clean(o.ChannelName), "#")
	var more []string
	switch o.ChannelType {
	case source.SlackDM:
		more = append(more, "direct message")
	case source.SlackMPIM:
		more = append(more, "group direct message")
	case source.SlackPrivate:
		more = append(more, "private")
		name = "#" + name
	default:
		if name != "" {
			name = "#" + name
		}
	}
	if o.Channel != "" {
		more = append(more, clean(o.Channel))
	}
	switch {
	case len(more) == 0:
		return name
	case name == "" || name == "#":
		return strings.Join(more, ", ")
	}
	return name + " (" + strings.Join(more, ", ") + ")"
}

// slackUser names a message's author: name (real name, id).
func slackUser(o *source.Origin) string {
	var more []string
	if o.UserRealName != "" && o.UserRealName != o.UserName {
		more = append(more, clean(o.UserRealName))
	}
	if o.User != "" {
		more = append(more, clean(o.User))
	}
	switch {
	case o.UserName == "":
		return strings.Join(more, ", ")
	case len(more) == 0:
		return clean(o.UserName)
	}
	return clean(o.UserName) + " (" + strings.Join(more, ", ") + ")"
}

// slackWhere says where a message is: channel, author, thread.
func slackWhere(o *source.Origin) string {
	var parts []string
	if c := slackChannel(o); c != "" {
		parts = append(parts, c)
	}
	if u := slackUser(o); u != "" {
		parts = append(parts, "by "+u)
	}
	if o.ThreadTS != "" && o.ThreadTS != o.TS {
		parts = append(parts, "in thread "+clean(o.ThreadTS))
	}
	return strings.Join(parts, ", ")
}

// slackFileLine is the line of the export's file that holds a line of the
// finding: the day file's line of the message's text, the line of a
// downloaded file.
func slackFileLine(f *detect.Finding, line int) int {
	if line < 1 {
		return 0
	}
	return f.Source.FileLineAt(line)
}

// slackExportFile is the export's file of a finding as a person opens it
// (under the export folder, or archive!member), relative to where the scan
// ran when it can be: what code scanning and annotations resolve.
func slackExportFile(f *detect.Finding) string {
	o := f.Source
	p := o.ExportFile()
	if p == "" || path.IsAbs(p) || p == ".." || strings.HasPrefix(p, "../") || (len(p) > 1 && p[1] == ':') {
		return o.File
	}
	return p
}

// slackLines writes, under a Slack place, where the message is and the
// export's file and line that hold it.
func (t *textWriter) slackLines(f *detect.Finding) {
	if w := slackWhere(&f.Source); w != "" {
		t.printf("            in          %s\n", w)
	}
	if file := f.Source.ExportFile(); file != "" {
		t.printf("            export      %s:%d\n", clean(file), slackFileLine(f, f.Line))
	}
}

// slackSARIFLocation places a Slack finding for code scanning in the
// export's file, on the line that holds the text (columns of the decoded
// text are not the file's); the permalink is in the result's properties.
func slackSARIFLocation(f *detect.Finding, region *sarif.Region) *sarif.Location {
	art := sarif.NewArtifactLocation().WithUri(sarifURI(slackExportFile(f))).WithUriBaseId(srcRoot)
	pl := sarif.NewPhysicalLocation().WithArtifactLocation(art)
	if region != nil && region.StartLine != nil {
		start := slackFileLine(f, *region.StartLine)
		reg := sarif.NewRegion().WithStartLine(start)
		if region.EndLine != nil {
			if end := slackFileLine(f, *region.EndLine); end > start {
				reg.WithEndLine(end)
			}
		}
		pl.WithRegion(reg)
	}
	return sarif.NewLocationWithPhysicalLocation(pl)
}

// slackAnnotation places a workflow annotation of a Slack finding on the
// export's file and line.
func slackAnnotation(f *detect.Finding) [][2]string {
	props := [][2]string{{"file", slackExportFile(f)}}
	if l := slackFileLine(f, f.Line); l >= 1 {
		props = append(props, [2]string{"line", strconv.Itoa(l)})
	}
	return append(props, [2]string{"title", title(f) + " (" + clean(f.RuleID) + ")"})
}

// slackCSV is the CSV report's Slack columns of a finding; empty for other
// places.
func slackCSV(f *detect.Finding) []string {
	o := &f.Source
	if !isSlack(f) {
		return make([]string, 9)
	}
	line := ""
	if o.File != "" {
		line = strconv.Itoa(slackFileLine(f, f.Line))
	}
	return []string{o.Channel, o.ChannelName, o.User, o.UserName, o.TS, o.ThreadTS, o.Permalink, o.ExportFile(), line}
}
