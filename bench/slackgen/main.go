// Command slackgen writes a large synthetic Slack export for bench/slack.sh.
//
//	slackgen -messages 1000000 -dir OUT [-zip OUT.zip]
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/leakstop/leakstop/internal/slackfixture"
)

func main() {
	messages := flag.Int("messages", 100000, "messages in all")
	channels := flag.Int("channels", 50, "conversations")
	perDay := flag.Int("per-day", 200, "messages per day file")
	every := flag.Int("secret-every", 5000, "plant a fake secret in one message out of this many")
	seed := flag.Uint64("seed", 1, "seed")
	dir := flag.String("dir", "", "folder to write the export into (must not exist)")
	zipPath := flag.String("zip", "", "also write the export as this zip")
	flag.Parse()
	if *dir == "" {
		fmt.Fprintln(os.Stderr, "slackgen: -dir is required")
		os.Exit(2)
	}
	if err := os.MkdirAll(*dir, 0o755); err != nil {
		fmt.Fprintln(os.Stderr, "slackgen:", err)
		os.Exit(1)
	}
	st, err := slackfixture.Synthetic(*dir, slackfixture.SyntheticOptions{
		Messages: *messages, Channels: *channels, PerDay: *perDay, Seed: *seed, SecretEvery: *every,
	})
	if err == nil && *zipPath != "" {
		err = slackfixture.Zip(*dir, *zipPath, "")
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "slackgen:", err)
		os.Exit(1)
	}
	fmt.Printf("%d messages %d day_files %d secrets %d bytes\n", st.Messages, st.DayFiles, st.Secrets, st.Bytes)
}
