"""The GitHub Pages workflow: its YAML structure, and that every command it runs exists in the repo."""
from __future__ import annotations

import re
import shlex
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"
README_BUILD = "python3 -m venv .venv && . .venv/bin/activate && pip install -e . && townfacts build"


@pytest.fixture(scope="module")
def workflow() -> dict:
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    # PyYAML reads the key `on` as the boolean True (YAML 1.1)
    data["on"] = data.pop(True, data.get("on"))
    return data


@pytest.fixture(scope="module")
def mkdocs_config() -> dict:
    from mkdocs.utils.yaml import get_yaml_loader

    return yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=get_yaml_loader())


def steps(workflow: dict, job: str) -> list[dict]:
    return workflow["jobs"][job]["steps"]


def uses(workflow: dict, job: str) -> dict[str, dict]:
    """Return {action without version: step} for a job's `uses:` steps."""
    return {s["uses"].split("@")[0]: s for s in steps(workflow, job) if "uses" in s}


def run_lines(workflow: dict) -> list[str]:
    return [line for job in workflow["jobs"] for s in steps(workflow, job) if "run" in s
            for line in s["run"].splitlines() if line.strip()]


def test_triggers_and_permissions(workflow):
    assert workflow["on"]["push"]["branches"] == ["main"]
    assert "workflow_dispatch" in workflow["on"]
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert workflow["concurrency"]["group"] == "pages"


def test_build_job_builds_with_the_readme_command_and_uploads_the_site(workflow, mkdocs_config):
    assert README_BUILD in (ROOT / "README.md").read_text(encoding="utf-8"), "the README's command changed"
    assert README_BUILD in run_lines(workflow)
    actions = uses(workflow, "build")
    assert {"actions/checkout", "actions/setup-python", "actions/configure-pages",
            "actions/upload-pages-artifact"} <= set(actions)
    assert actions["actions/upload-pages-artifact"]["with"]["path"] == mkdocs_config.get("site_dir", "site")
    names = [s.get("uses", "").split("@")[0] for s in steps(workflow, "build")]
    assert names.index("actions/checkout") == 0
    assert names.index("actions/upload-pages-artifact") == len(names) - 1   # after the build


def test_deploy_job_uses_githubs_pages_action(workflow):
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["environment"]["name"] == "github-pages"
    assert "steps.deployment.outputs.page_url" in deploy["environment"]["url"]
    step = uses(workflow, "deploy")["actions/deploy-pages"]
    assert step["id"] == "deployment"


def test_actions_are_pinned_to_a_version(workflow):
    for job in workflow["jobs"]:
        for s in steps(workflow, job):
            if "uses" in s:
                assert re.fullmatch(r"[\w.-]+/[\w.-]+@(v\d+|[0-9a-f]{40})", s["uses"]), s["uses"]


def _cli_commands() -> set[str]:
    from generator.cli import _parser

    sub = next(a for a in _parser()._actions if a.dest == "command")
    return set(sub.choices)


def test_every_command_it_runs_exists_in_the_repo(workflow):
    commands = _cli_commands()
    seen = set()
    for line in run_lines(workflow):
        for part in re.split(r"&&|;|\|\|", line):
            words = shlex.split(part)
            while words and re.fullmatch(r"[A-Z_]+=.*", words[0]):   # VAR=value prefixes
                words = words[1:]
            if not words:
                continue
            seen.add(words[0])
            if words[0] == "townfacts":
                assert words[1] in commands, f"townfacts {words[1]}: no such command"
                for option in (w for w in words[2:] if w.startswith("--")):
                    assert option in _options(words[1]), f"townfacts {words[1]} {option}: no such option"
            elif words[0] == "pip":
                assert words[1:] == ["install", "-e", "."] and (ROOT / "pyproject.toml").is_file()
            elif words[0] == "python3":
                assert words[1:] == ["-m", "venv", ".venv"]
            elif words[0] == ".":
                assert words[1] == ".venv/bin/activate"
            else:
                pytest.fail(f"unexpected command in the workflow: {part.strip()}")
    assert {"townfacts", "pip"} <= seen


def _options(command: str) -> set[str]:
    from generator.cli import _parser

    sub = next(a for a in _parser()._actions if a.dest == "command").choices[command]
    return {o for a in sub._actions for o in a.option_strings}


def test_pyproject_installs_the_townfacts_command():
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert re.search(r'^townfacts\s*=\s*"generator\.cli:main"', text, re.M)


def test_site_url_is_the_workflows_and_absent_without_it(workflow, monkeypatch):
    """The Pages workflow gives the public address (https://<user>.github.io/<repo>/); without it, none."""
    from mkdocs.utils.yaml import get_yaml_loader

    build = next(s for s in steps(workflow, "build") if "SITE_URL" in s.get("env", {}))
    assert "steps.pages.outputs.base_url" in build["env"]["SITE_URL"]
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    monkeypatch.setenv("SITE_URL", "https://user.github.io/townfacts/")
    assert yaml.load(text, Loader=get_yaml_loader())["site_url"] == "https://user.github.io/townfacts/"
    monkeypatch.delenv("SITE_URL")
    assert not yaml.load(text, Loader=get_yaml_loader())["site_url"]


def test_gh_deploy_is_documented_as_the_alternative():
    assert "mkdocs gh-deploy" in WORKFLOW.read_text(encoding="utf-8")
    assert "mkdocs gh-deploy" in (ROOT / "README.md").read_text(encoding="utf-8")
