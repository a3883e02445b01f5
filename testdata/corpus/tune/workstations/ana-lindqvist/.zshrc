# ~/.zshrc -- ana
export ZSH="$HOME/.oh-my-zsh"
ZSH_THEME="robbyrussell"
plugins=(git docker kubectl fzf direnv)
source $ZSH/oh-my-zsh.sh

export EDITOR=nvim
export GOPATH=$HOME/go
export PATH=$HOME/.local/bin:$GOPATH/bin:$HOME/.cargo/bin:$PATH

# LLM playground -- TODO move to 1password cli
export OPENAI_API_KEY="⟦ai:sk-proj-O4ydZW1umWXRO69bdlXGbgw7yk2ky5UQq1JYSeGghm3gnlk1-csAgQ20BTB1PaGyzPfNHI530b⁞T3BlbkFJUIRYRQJtfugAY2u5bFY0yi_wmEqE7GE0MwytVJha03rMDArX8zgJ94lZYqMTP6a0ivZv5LwIXZ⟧"
export HF_TOKEN=⟦ai:hf_OiwOhPJdooozQme⁞jFrsFRbtdViCLWtKLvO⟧
export ANTHROPIC_API_KEY="$(op read op://Private/anthropic/credential)"
export REPLICATE_API_TOKEN="r8_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"

alias k=kubectl
alias tf=terraform
alias gpr='gh pr create --fill'
alias dcu='docker compose up -d'
alias please='sudo $(fc -ln -1)'

# token refresh helper: prints how long the current SSO session is valid
awsleft() {
  aws configure export-credentials --profile ${1:-default} --format env-no-export | grep EXPIRATION
}

eval "$(direnv hook zsh)"
eval "$(starship init zsh)"
[ -f ~/.fzf.zsh ] && source ~/.fzf.zsh
