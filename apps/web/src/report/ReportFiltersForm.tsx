import {
  type Party,
  REGIONAL_GROUPS,
  type RegionalGroup,
  STAKEHOLDER_GROUPS,
  type StakeholderGroup,
} from "@plenary/protocol";
import type { ReportDisposition } from "@plenary/report";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { DISPOSITIONS, isFiltered, NO_FILTERS, type RegionalFilter, type ReportFilters } from "./filters.ts";

interface ReportFiltersFormProps {
  filters: ReportFilters;
  parties: readonly Party[];
  onChange: (filters: ReportFilters) => void;
}

/** The four filters of a report's table (party, stakeholder group, regional group, disposition), applied as chosen. */
export function ReportFiltersForm({ filters, parties, onChange }: ReportFiltersFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const set = <K extends keyof ReportFilters>(key: K, value: string) =>
    onChange({ ...filters, [key]: (value || null) as ReportFilters[K] });

  return (
    <fieldset className="report-filters">
      <legend>{t("report.filters.legend")}</legend>
      <div className="report-filters__fields">
        <FilterSelect
          id={`${id}-party`}
          label={t("report.filters.party")}
          value={filters.party}
          onChange={(value) => set("party", value)}
          all={t("report.filters.allParties")}
          options={parties.map((party) => [party.id, party.name])}
        />
        <FilterSelect
          id={`${id}-group`}
          label={t("report.filters.stakeholderGroup")}
          value={filters.stakeholderGroup}
          onChange={(value) => set("stakeholderGroup", value)}
          all={t("report.filters.allGroups")}
          options={(Object.keys(STAKEHOLDER_GROUPS) as StakeholderGroup[]).map((group) => [
            group,
            t(`parties.stakeholderGroup.${group}`),
          ])}
        />
        <FilterSelect
          id={`${id}-region`}
          label={t("report.filters.regionalGroup")}
          value={filters.regionalGroup}
          onChange={(value) => set("regionalGroup", value)}
          all={t("report.filters.allRegions")}
          options={[
            ...(Object.keys(REGIONAL_GROUPS) as RegionalGroup[]).map((group): [RegionalFilter, string] => [
              group,
              t(`parties.regionalGroup.${group}`),
            ]),
            ["none", t("report.noRegion")],
          ]}
        />
        <FilterSelect
          id={`${id}-disposition`}
          label={t("report.filters.disposition")}
          value={filters.disposition}
          onChange={(value) => set("disposition", value)}
          all={t("report.filters.allDispositions")}
          options={DISPOSITIONS.map((disposition): [ReportDisposition, string] => [
            disposition,
            t(`report.disposition.${disposition}`),
          ])}
        />
      </div>
      {isFiltered(filters) && (
        <button type="button" className="button button--quiet" onClick={() => onChange(NO_FILTERS)}>
          {t("report.filters.clear")}
        </button>
      )}
    </fieldset>
  );
}

interface FilterSelectProps {
  id: string;
  label: string;
  value: string | null;
  all: string;
  options: readonly (readonly [string, string])[];
  onChange: (value: string) => void;
}

function FilterSelect({ id, label, value, all, options, onChange }: FilterSelectProps) {
  // A value from a shared link that this report does not have stays visible, so the empty table makes sense.
  const shown =
    value !== null && !options.some(([key]) => key === value) ? [...options, [value, value] as const] : options;
  return (
    <div className="field">
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <select id={id} className="field__input" value={value ?? ""} onChange={(event) => onChange(event.target.value)}>
        <option value="">{all}</option>
        {shown.map(([key, name]) => (
          <option key={key} value={key}>
            {name}
          </option>
        ))}
      </select>
    </div>
  );
}
