"""The results table, the ``--json`` document and the ``--plot`` chart."""
import importlib.util
import json


def _fmt_time(seconds, unit, per):
    if seconds is None:
        return "-"
    if unit == "us/op":
        v = seconds / per * 1e6
        return f"{v:.3g} us/op"
    if seconds >= 1:
        return f"{seconds:.3g} s"
    if seconds >= 1e-3:
        return f"{seconds * 1e3:.3g} ms"
    return f"{seconds * 1e6:.3g} us"


def _fmt_mib(nbytes):
    return "-" if nbytes is None else f"{nbytes / 2 ** 20:.1f} MiB"


def _fmt_ratio(r):
    return "-" if r is None else (f"{r:.2f}x" if r < 100 else f"{r:.0f}x")


def _params(p):
    return ", ".join(f"{k}={v}" for k, v in p.items())


def header(report):
    v = report["versions"]
    peers = ", ".join(f"{k} {v[k]}" for k in ("numpy", "torch", "jax", "autograd", "cupy")
                      if k in v)
    m = report["machine"]
    return (f"functorch-lite bench  {report['date']}  functorch_lite {v['functorch_lite']}, "
            f"{peers}, Python {v['python']}\n"
            f"{m['cpu']} ({m['cpus_allowed']} CPUs allowed), threads={report['threads']}, "
            f"backend={report['backend']}{', QUICK sizes' if report['quick'] else ''}")


def table(report):
    """The results as plain text, one block per workload."""
    lines = [header(report), ""]
    for w in report["workloads"]:
        lines.append(f"{w['name']}: {w['title']}" + (f"  ({_params(w['params'])})"
                                                      if w.get("params") else ""))
        if w.get("error"):
            lines += [f"  error: {w['error']}", ""]
            continue
        if w["memory"]:
            lines.append(f"  {'entry':<21}{'peak RSS':>12}{'x floor':>9}{'traced peak':>13}"
                         f"{'time':>11}{'x floor':>9}")
        else:
            lines.append(f"  {'entry':<21}{'median':>13}{'IQR':>13}{'x floor':>9}"
                         f"{'first call':>12}{'2nd call':>12}")
        for e in w["entries"]:
            name = e["name"]
            if e["status"] != "ok":
                lines.append(f"  {name:<21}{e['status']}: {e['reason']}")
            elif w["memory"]:
                lines.append(f"  {name:<21}{_fmt_mib(e.get('rss_peak_bytes')):>12}"
                             f"{_fmt_ratio(e.get('ratio')):>9}"
                             f"{_fmt_mib(e.get('traced_peak_bytes')):>13}"
                             f"{_fmt_time(e.get('median_s'), 'ms', 1):>11}"
                             f"{_fmt_ratio(e.get('time_ratio')):>9}")
            else:
                unit, per = w["unit"], w["per"]
                lines.append(f"  {name:<21}{_fmt_time(e['median_s'], unit, per):>13}"
                             f"{_fmt_time(e['iqr_s'], unit, per):>13}"
                             f"{_fmt_ratio(e.get('ratio')):>9}"
                             f"{_fmt_time(e.get('first_call_s'), 'ms', 1):>12}"
                             f"{_fmt_time(e.get('second_call_s'), 'ms', 1):>12}")
        lines.append("")
    lines.append("x floor: median time (peak memory for the memory workload) divided by the "
                 "hand-written NumPy floor's; IQR: spread of the samples (q3 - q1).")
    return "\n".join(lines)


def write_json(report, path):
    with open(path, "w") as f:
        json.dump(report, f, indent=1)


def plot_available():
    return importlib.util.find_spec("matplotlib") is not None


PLOT_MISSING = ("--plot needs matplotlib, which is not installed: "
                "pip install 'functorch_lite[plot]' (or pip install matplotlib)")


def write_plot(report, path):
    """A PNG with one panel per workload: each entry's ratio to the floor (log scale)."""
    if not plot_available():
        raise RuntimeError(PLOT_MISSING)
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib import ticker
    ws = [w for w in report["workloads"] if any(e.get("ratio") for e in w["entries"])]
    if not ws:
        raise RuntimeError("--plot: no workload produced any ratio to plot")
    fig, axes = plt.subplots(len(ws), 1, figsize=(8, 1.0 + 0.32 * sum(
        len(w["entries"]) for w in ws) + 0.6 * len(ws)), squeeze=False)
    for ax, w in zip(axes[:, 0], ws):
        rows = [e for e in w["entries"] if e.get("ratio")]
        names = [e["name"] for e in rows][::-1]
        vals = [e["ratio"] for e in rows][::-1]
        colors = ["#888888" if e["floor"] else "#1f77b4" if e["library"] == "functorch_lite"
                  else "#ff7f0e" for e in rows][::-1]
        ax.barh(names, vals, color=colors)
        ax.axvline(1.0, color="black", linewidth=0.8)
        ax.set_xscale("log")
        ax.set_xlim(min(vals + [1.0]) / 1.3, max(vals + [1.0]) * 1.6)  # room for the labels
        ax.xaxis.set_major_formatter(ticker.FuncFormatter(lambda v, _: f"{v:g}x"))
        ax.xaxis.set_minor_formatter(ticker.NullFormatter())
        what = "peak memory" if w["memory"] else "time"
        ax.set_title(f"{w['name']}: {what} / NumPy floor", fontsize=9, loc="left")
        ax.tick_params(labelsize=8)
        for y, v in enumerate(vals):
            ax.text(v, y, " " + _fmt_ratio(v), va="center", fontsize=7)
    fig.suptitle(f"functorch-lite bench, {report['date']}, threads={report['threads']}",
                 fontsize=10)
    fig.tight_layout(rect=(0, 0, 1, 0.985))
    fig.savefig(path, dpi=110)
    plt.close(fig)
