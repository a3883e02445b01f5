package report

import "fmt"

// Rotation counts how a run's rotation webhook events ended (DESIGN.md):
// delivered (a 2xx), refused (another status but 429 and 5xx) and
// spooled (still failing after every attempt, or the run was
// interrupted: `leakstop rotate replay` sends them). Deliveries never
// change a run's exit status.
type Rotation struct {
	Delivered int `json:"delivered"`
	Refused   int `json:"refused"`
	Spooled   int `json:"spooled"`
	// Lost counts events neither delivered nor spooled: the spool could
	// not be written (the run says why).
	Lost int `json:"lost,omitempty"`
	// Spool is the file that keeps the events not yet delivered.
	Spool string `json:"spool,omitempty"`
}

// String is the text report's part of the summary line.
func (r *Rotation) String() string {
	s := fmt.Sprintf("rotation webhook: %d delivered, %d refused, %d spooled", r.Delivered, r.Refused, r.Spooled)
	if r.Lost > 0 {
		s += fmt.Sprintf(", %d lost", r.Lost)
	}
	return s
}
