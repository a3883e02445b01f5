// Command leakstop finds leaked credentials in git history, commits about
// to be made or pushed, folders, archives, standard input and Slack
// exports, and reports them without printing them.
package main

import "os"

func main() { os.Exit(run(os.Args, os.Stdin, os.Stdout, os.Stderr)) }
