sudo gitlab-runner register --non-interactive --url https://gitlab.com --registration-token ⟦vcs:GR1348941fAj⁞SA04cdqkHN4n6UJ0X⟧ --executor docker
sudo gitlab-runner register --url https://gitlab.com --token ⟦vcs:glrt-t1_-yQn⁞Kv0kMR4sdQQ4W948⟧ --executor shell
cat /etc/gitlab-runner/config.toml
curl -X POST -F token=⟦vcs:glptt-2e11a8⁞4bd0c6a384de990e48d1bd44a1581c6452⟧ -F ref=main https://gitlab.com/api/v4/projects/4412/trigger/pipeline
curl --header "PRIVATE-TOKEN: ⟦vcs:glpat-YWnjyN⁞OJXVb5qQ2kfq0sRHG2zECGe42QeIsf.01.a3kn261oc⟧" https://gitlab.com/api/v4/projects?owned=true
curl --header "JOB-TOKEN: $CI_JOB_TOKEN" https://gitlab.com/api/v4/projects/4412/packages/generic/tool/1.0/tool.tgz
curl -u admin:⟦generic:SvZZFDabL⁞A9EktPOGKz⟧ https://jenkins.fjord.internal/api/json
curl -u ci-bot:⟦vcs:1129b85e621c⁞e70264c9d478bc869f9545⟧ -X POST https://jenkins.fjord.internal/job/deploy/build
curl -u ⟦generic:73707ce77bf0⁞e96c6b1b1a9d6046b2d274c21046⟧: https://api.fjord-status.example.com/v1/incidents
buildkite-agent start --token "$BUILDKITE_AGENT_TOKEN"
export BUILDKITE_API_TOKEN=⟦vcs:bkua_a851e52⁞a0c66ec6d4b3884d7881a6c6d121b8801⟧
export DRONE_SERVER=https://drone.fjord.internal
export DRONE_TOKEN=⟦vcs:53umMjVgjN01⁞VkK9lEDN5BqZ60C0r6t4⟧
travis login --pro --github-token xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx
travis encrypt TRAVIS_API_TOKEN=⟦vcs:H_PpZb05nbo⁞didR1tbs5-1⟧ --add
export CODECOV_TOKEN=⟦vcs:24593376-b91⁞2-459f-af7d-ce161c593a1e⟧
export SRC_ACCESS_TOKEN=⟦vcs:sgp_07476d62⁞5ecda3e0_12b5d569d9d136a24347592715a105349915b27c⟧
echo ⟦vcs:26eead129d64⁞3dda7bf4c2cdbeaf309a920d4374⟧ | tea login add --name forge --url https://forge.fjord.internal --token-stdin; export GITEA_TOKEN=⟦vcs:026fc9f0662e⁞f74ab499cd37b027f34112159882⟧
sha256sum tool.tgz
# 2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae  tool.tgz
