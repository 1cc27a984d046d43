// The `help` element (`st.help`): an object's name, type, signature or value, docstring and a
// table of its public members.

import type { JSX } from "preact";
import type { ElementProps } from "../core/types";

export function Help({ node }: ElementProps<"help">): JSX.Element {
  const { name, type, value, doc, members } = node.props;
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
