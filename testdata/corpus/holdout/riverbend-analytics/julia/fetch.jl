using HTTP, JSON3, LibPQ

const MONGO_URI = "mongodb+srv://riverbend:⟦urls:tgfBbSQ2e⁞b18zdpwdP⟧@cluster0.ab1cd.mongodb.net/telemetry?retryWrites=true&w=majority"
const XAI_API_KEY = "⟦ai:xai-l8zSd51Q⁞XNSSXPmkgIznloQxzi7W2FaW5p1CtFGVtvviN1y4KasDaaJPccW6pjRpd8uSilVGFBdlUPzD⟧"
const PINECONE_API_KEY = "⟦ai:pcsk_sehJfy_⁞3WyPYMRNtK8kycX0jH3cmTa0CiDl4T7WNZ90eWFEuhmW0Wb2mBPjexZBAhyNAj0⟧"
const VOYAGE_API_KEY = "⟦ai:pa-HjZbn_7xQ⁞OSVtBFGmyDdCFuVJdnheW0VMAAjM1FL7J7⟧"
const CEREBRAS_API_KEY = "⟦ai:csk-jxh9by2e⁞h8e3w9e9cf37snx6ovvx1q7xuluk0a9v6xekfomx⟧"
const together = "⟦ai:e7c507117615⁞fcc743b094e5a4555533fa64c86782730526934d8a61d730f510⟧"   # together.ai legacy key, old account

conn = LibPQ.Connection("host=warehouse.riverbend.internal dbname=hydro user=analyst password=⟦urls:CLS7yJWNi6⁞6fKRLDtnY2T⟧")

function embed(texts)
    r = HTTP.post("https://api.voyageai.com/v1/embeddings",
        ["Authorization" => "Bearer $VOYAGE_API_KEY", "Content-Type" => "application/json"],
        JSON3.write(Dict("input" => texts, "model" => "voyage-3")))
    JSON3.read(r.body)
end

const SAMPLE_EMBEDDING_ID = "vec_01HZX8K3M4N5P6Q7R8S9T0V1W2"
