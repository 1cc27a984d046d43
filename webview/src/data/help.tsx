// The `help` element (`st.help`): an object's name, type, signature or value, docstring and a
// table of its public members.

import type { JSX } from "preact";
import type { ElementProps } from "../core/types";
import { useNodeProps } from "./hooks";

interface Member {
  name: string;
  type: string;
  doc?: string;
  value?: string;
}

function parseMembers(raw: unknown): Member[] {
  if (!Array.isArray(raw)) return [];
  const out: Member[] = [];
  for (const m of raw) {
    if (typeof m !== "object" || m === null) continue;
    const r = m as Record<string, unknown>;
    const member: Member = { name: String(r.name ?? ""), type: String(r.type ?? "") };
    if (typeof r.doc === "string") member.doc = r.doc;
    if (typeof r.value === "string") member.value = r.value;
    out.push(member);
  }
  return out;
}

export function Help({ node, store }: ElementProps): JSX.Element {
  const p = useNodeProps(node, store);
  const name = typeof p.name === "string" ? p.name : undefined;
  const type = typeof p.type === "string" ? p.type : "";
  const value = typeof p.value === "string" ? p.value : undefined;
  const doc = typeof p.doc === "string" ? p.doc : undefined;
  const members = parseMembers(p.members);
  return (
    <div class="sp-help" data-testid="stHelp">
      <div class="sp-help-head">
        {name !== undefined && <span class="sp-help-name">{name}</span>}
        <span class="sp-help-type">{type}</span>
      </div>
      {value !== undefined && <pre class="sp-help-value">{value}</pre>}
      <pre class="sp-help-doc">{doc ?? "No docs available"}</pre>
      {members.length > 0 && (
        <table class="sp-help-members">
          <tbody>
            {members.map((m) => (
              <tr key={m.name}>
                <th scope="row">
                  <code>{m.name}</code>
                  <span class="sp-help-member-type">{m.type}</span>
                </th>
                <td>{m.value !== undefined ? <code>{m.value}</code> : (m.doc ?? "")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
