using HTTP, JSON3, DataFrames, CSV

ENV["HF_TOKEN"] = get(ENV, "HF_TOKEN", "⟦ai:hf_RHUqkXThxenlpUJ⁞QXRKphVemyikbiamHoc⟧")
const MODEL = "sentence-transformers/all-MiniLM-L6-v2"
const URL = "https://api-inference.huggingface.co/pipeline/feature-extraction/$MODEL"

function embed(texts::Vector{String})
    headers = ["Authorization" => "Bearer $(ENV["HF_TOKEN"])", "Content-Type" => "application/json"]
    r = HTTP.post(URL, headers, JSON3.write(Dict("inputs" => texts)))
    return JSON3.read(r.body)
end

df = CSV.read("data/tickets.csv", DataFrame)
vecs = embed(String.(df.summary[1:32]))
println("got ", length(vecs), " embeddings")
