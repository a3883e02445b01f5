package main

import (
	"bytes"
	"testing"

	"github.com/leakstop/leakstop/detect"
	"github.com/leakstop/leakstop/rules"
)

func TestGate(t *testing.T) {
	type f struct {
		status detect.Status
		sev    rules.Severity
	}
	all := []f{
		{detect.StatusCandidate, rules.SeverityLow},
		{detect.StatusCandidate, rules.SeverityCritical},
		{detect.StatusConfirmed, rules.SeverityMedium},
		{detect.StatusConfirmed, rules.SeverityHigh},
		{detect.StatusRevoked, rules.SeverityCritical},
		{detect.StatusVerified, rules.SeverityLow},
		{detect.StatusVerified, rules.SeverityCritical},
	}
	tests := []struct {
		failOn, minSeverity string
		want                []bool // for each of all
	}{
		{"", "", []bool{true, true, true, true, true, true, true}},
		{"candidate", "low", []bool{true, true, true, true, true, true, true}},
		{"confirmed", "", []bool{false, false, true, true, true, true, true}},
		{"verified", "", []bool{false, false, false, false, false, true, true}},
		{"", "high", []bool{false, true, false, true, true, false, true}},
		{"confirmed", "critical", []bool{false, false, false, false, true, false, true}},
		{"VERIFIED", "Critical", []bool{false, false, false, false, false, false, true}},
	}
	for _, tt := range tests {
		t.Run(tt.failOn+"/"+tt.minSeverity, func(t *testing.T) {
			g, err := parseGate(tt.failOn, tt.minSeverity)
			if err != nil {
				t.Fatal(err)
			}
			for i, x := range all {
				fd := detect.Finding{Status: x.status, Severity: x.sev}
				if got := g.fails(&fd); got != tt.want[i] {
					t.Errorf("%s %s: fails = %v, want %v", x.status, x.sev, got, tt.want[i])
				}
			}
		})
	}
	for _, bad := range [][2]string{{"maybe", ""}, {"", "urgent"}, {"confirmed", "5"}} {
		if _, err := parseGate(bad[0], bad[1]); err == nil {
			t.Errorf("parseGate(%q, %q) succeeded", bad[0], bad[1])
		}
	}
}

func TestPartialInputsMessage(t *testing.T) {
	var b bytes.Buffer
	err := &partialError{inputs: []string{"shard-2.json", "shard-5.json"}}
	if code := exitCode(err, &b); code != exitPartial {
		t.Errorf("exit %d", code)
	}
	if want := "leakstop: merged from partial reports (shard-2.json, shard-5.json); the report is partial\n"; b.String() != want {
		t.Errorf("stderr %q, want %q", b.String(), want)
	}
	b.Reset()
	exitCode(&findingsError{findings: 1, code: 1, partial: err}, &b)
	if !bytes.Contains(b.Bytes(), []byte("shard-5.json")) {
		t.Errorf("findings and partial: stderr %q", b.String())
	}
}
