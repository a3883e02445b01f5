using UnityEngine;

namespace Lanternfall.Services
{
    [CreateAssetMenu(menuName = "Lanternfall/Service Config")]
    public class ServiceConfig : ScriptableObject
    {
        // PlayFab title id is public; the developer secret key must stay server-side.
        public string playFabTitleId = "A1B2C";
        public string playFabDeveloperSecretKey = "⟦generic:lv6EoLeWz8gZ⁞1z16lWnDLKKO0bhX8M805VMDq0QBq⟧";

        public string elevenLabsApiKey = "⟦ai:sk_05ff454c2⁞4b7846be0fc47e327caadc541c2d578977f3f7e⟧";   // NPC voice lines
        public string sendbirdAppId = "7C1A9E2B-4D3F-4A5B-8C6D-0E1F2A3B4C5D";
        public string sendbirdApiToken = "⟦saas:bd3e4b40ae9d⁞c3db8ccbfdae647a9a1d7d0ff870⟧";
        public string twitchClientId = "gp762nuuoqcoxypju8c569th9wz7q5";
        public string twitchClientSecret = "⟦saas:bjyque02pbcz⁞7cdut5bc9pkfttsugq⟧";
        public string firebaseServerKey = "⟦saas:AAAAercvAW8:⁞APA91bJIGFQ78u0JTgDzPuUvJUgLtsCc-75oo8T8E9KnduR6ByduhmX8C3BahJK0iO3vhZ-Dr0BCOdi0tTyUIedqMRajjoW0UQ2jhPfwrW3wkAgkJwex-pgJGJuRE7LhsTZw-I3GCJdz⟧";

        // Unity Gaming Services project id (not a secret)
        public string ugsProjectId = "c6f2a8d4-1e3b-4c5d-9f7a-2b4d6e8f0a1c";
        public string buildHash = "0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c";
    }
}
