package report

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/leakstop/leakstop/detect"
	"github.com/leakstop/leakstop/rules"
	"github.com/leakstop/leakstop/source"
)

// slackSample is a report of a Slack export: a reply in a thread of a
// public channel (export zipped), a direct message (export unpacked) and
// a file downloaded with a message.
func slackSample() *Report {
	msg := func(root, channel, name, kind, ts, thread, file string, line int) source.Origin {
		return source.Origin{
			Kind: source.KindSlack, Path: "slack/" + channel + "/" + ts, Root: root,
			Channel: channel, ChannelName: name, ChannelType: kind,
			User: "U0ALICE", UserName: "alice", UserRealName: "Alice Liddell",
			TS: ts, ThreadTS: thread, File: file, FileLine: line,
			Permalink: "https://zq-example.slack.com/archives/" + channel + "/p" + strings.Replace(ts, ".", "", 1),
			Date:      time.Date(2024, 6, 3, 9, 0, 0, 0, time.UTC),
		}
	}
	reply := msg("exports/acme.zip", "C0GENERAL", "general", source.SlackPublic, "1717405200.000200", "1717405100.000100", "Acme export/general/2024-06-03.json", 41)
	reply.Permalink += "?thread_ts=1717405100.000100&cid=C0GENERAL"
	dm := msg("exports/acme", "D0ALIBOB", "alice, bob", source.SlackDM, "1717405300.000300", "", "D0ALIBOB/2024-06-03.json", 12)
	file := msg("exports/acme", "C0DEVOPS", "devops", source.SlackPublic, "1717405400.000400", "", "devops/attachments/F0AAAAAAAA-app.env", 0)
	file.Path += "/files/F0AAAAAAAA"
	return &Report{
		Tool: Tool{Name: "leakstop", Version: "test"},
		Findings: []detect.Finding{
			finding("acme-token", rules.SeverityHigh, tokenSecret, reply, 2, 14),
			finding("acme-token", rules.SeverityHigh, tokenSecret, dm, 1, 1),
			finding("acme-token", rules.SeverityHigh, tokenSecret, file, 3, 5),
		},
		Scanned:  120,
		Bytes:    48_000,
		RuleRank: map[string]int{"acme-token": 0},
	}
}

func TestSlackGolden(t *testing.T) {
	for _, tt := range []struct{ name, format string }{
		{"slack.txt", FormatText}, {"slack.json", FormatJSON}, {"slack.sarif", FormatSARIF},
		{"slack.csv", FormatCSV}, {"slack.junit", FormatJUnit}, {"slack.github", FormatGitHub},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := write(t, slackSample(), tt.format, Options{})
			checkGolden(t, tt.name, got)
			if bytes.Contains(got, []byte(tokenSecret)) {
				t.Error("the full secret is in the report")
			}
			if tt.format == FormatSARIF {
				validateSARIF(t, tt.name, got)
			}
		})
	}
}

// Each format says where a Slack finding is: the channel, the user, the
// message and the line of the export's file.
func TestSlackPlaces(t *testing.T) {
	r := slackSample()
	text := string(write(t, r, FormatText, Options{}))
	for _, want := range []string{
		"  at      slack/C0DEVOPS/1717405400.000400/files/F0AAAAAAAA:3:5",
		"            export      exports/acme/devops/attachments/F0AAAAAAAA-app.env:3\n",
		"            in          #general (C0GENERAL), by alice (Alice Liddell, U0ALICE), in thread 1717405100.000100\n",
		"            export      exports/acme.zip!Acme export/general/2024-06-03.json:41\n",
		"            in          alice, bob (direct message, D0ALIBOB), by alice (Alice Liddell, U0ALICE)\n",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("text lacks %q:\n%s", want, text)
		}
	}

	var doc struct {
		Findings []struct {
			Line   int
			Source map[string]any
		}
	}
	if err := json.Unmarshal(write(t, r, FormatJSON, Options{}), &doc); err != nil {
		t.Fatal(err)
	}
	for _, f := range doc.Findings {
		if f.Source["channel"] == nil || f.Source["ts"] == nil || f.Source["permalink"] == nil || f.Source["file_line"] == nil || f.Source["user_name"] != "alice" {
			t.Errorf("json source %v", f.Source)
		}
	}

	var log struct {
		Runs []struct {
			Results []struct {
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string }
						Region           struct{ StartLine, StartColumn int }
					}
				}
				Properties map[string]any
			}
		}
	}
	if err := json.Unmarshal(write(t, r, FormatSARIF, Options{}), &log); err != nil {
		t.Fatal(err)
	}
	res := log.Runs[0].Results
	got := map[string]int{}
	for _, x := range res {
		pl := x.Locations[0].PhysicalLocation
		got[pl.ArtifactLocation.URI] = pl.Region.StartLine
		if pl.Region.StartColumn != 0 || x.Properties["permalink"] == nil || x.Properties["channel"] == nil {
			t.Errorf("sarif result %+v", x)
		}
	}
	for uri, line := range map[string]int{
		"exports/acme.zip%21Acme%20export/general/2024-06-03.json": 41,
		"exports/acme/D0ALIBOB/2024-06-03.json":                    12,
		"exports/acme/devops/attachments/F0AAAAAAAA-app.env":       3,
	} {
		if got[uri] != line && got[strings.ReplaceAll(uri, "%21", "!")] != line {
			t.Errorf("sarif locations %v, want %s:%d", got, uri, line)
		}
	}

	gh := string(write(t, r, FormatGitHub, Options{}))
	if !strings.Contains(gh, "::error file=exports/acme/D0ALIBOB/2024-06-03.json,line=12,title=") ||
		!strings.Contains(gh, "Message: https://zq-example.slack.com/archives/D0ALIBOB/p1717405300000300") {
		t.Errorf("github:\n%s", gh)
	}
}
