import type { MeResponse } from '@ccc/contracts';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useChooseAlliance } from '../api/choose-alliance';

/**
 * For someone with roles in more than one Alliance (a supervisor who moves): which one they act in. A plain form
 * (select and button) rather than a select that acts on change, so keyboard and screen-reader users choose first
 * and then act.
 */
export function AllianceSwitcher({ me }: { me: MeResponse }) {
  const [chosen, setChosen] = useState(me.allianceId ?? '');
  const choose = useChooseAlliance();
  const navigate = useNavigate();
  if (me.alliances.length < 2) return null;
  return (
    <form
      className="app-alliance-switcher"
      onSubmit={(event) => {
        event.preventDefault();
        if (!chosen || chosen === me.allianceId || choose.isPending) return;
        choose.mutate(chosen, { onSuccess: () => void navigate('/') });
      }}
    >
      <label className="app-alliance-switcher__label" htmlFor="acting-alliance">
        Acting in
      </label>
      <select
        id="acting-alliance"
        className="nhsuk-select app-alliance-switcher__select"
        value={chosen}
        onChange={(event) => setChosen(event.target.value)}
      >
        {me.alliances.map((alliance) => (
          <option key={alliance.id} value={alliance.id}>
            {alliance.name}
          </option>
        ))}
      </select>
      <button className="nhsuk-header__account-button" type="submit" aria-disabled={choose.isPending || undefined}>
        Switch
      </button>
      {choose.isError && (
        <span role="alert" className="app-alliance-switcher__error">
          Could not switch: {choose.error.message}
        </span>
      )}
    </form>
  );
}
