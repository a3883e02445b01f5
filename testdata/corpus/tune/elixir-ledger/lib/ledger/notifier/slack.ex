defmodule Ledger.Notifier.Slack do
  @moduledoc """
  Posts reconciliation summaries to #finance-ops.
  """
  require Logger

  # FIXME: read from config; hard-coded while we debug the staging webhook
  @webhook "⟦messaging:https://hooks.slack.com/services/⁞T152RVO6T/BIJFJ5BL0PP/XaKAVV9geSW1Fq4ugdKJjzJw⟧"

  def post(%{date: date, mismatches: n} = _summary) do
    body = Jason.encode!(%{text: "Reconciliation #{date}: #{n} mismatches"})

    case Req.post(@webhook, body: body, headers: [{"content-type", "application/json"}]) do
      {:ok, %{status: 200}} -> :ok
      {:ok, resp} -> Logger.warning("slack returned #{resp.status}")
      {:error, err} -> Logger.error("slack failed: #{inspect(err)}")
    end
  end
end
