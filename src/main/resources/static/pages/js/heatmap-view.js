/*
 * Draws the heat of each stage: on the BPMN diagram (an overlay button and a colour per stage element Stage_<CODE>),
 * in the legend and in the table beside it. The heat is the stage's median dwell against its dwell limit.
 */
import { format, localName, t } from './i18n.js';
import { escape } from './html.js';

export const HEATS = ['low', 'mid', 'high', 'empty', 'none'];
const UNIT_DAYS = { Y: 365, M: 30, W: 7, D: 1, H: 1 / 24, TM: 1 / 1440, S: 1 / 86400 };

/** Days of an ISO-8601 duration such as P14D or P1M (a month as 30 days); null if there is none or it is not one. */
export function limitDays(duration) {
  const match = /^P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/
      .exec(duration || '');
  if (!match || duration === 'P' || duration.endsWith('T')) {
    return null;
  }
  return ['Y', 'M', 'W', 'D', 'H', 'TM', 'S'].reduce((days, unit, i) => days + Number(match[i + 1] || 0) * UNIT_DAYS[unit], 0);
}

/** low below half the limit, mid up to the limit, high above it; empty without a median, none without a limit. */
export function heatOf(median, limit) {
  if (limit == null || limit <= 0) {
    return 'none';
  }
  if (median == null) {
    return 'empty';
  }
  const ratio = Number(median) / limit;
  return ratio < 0.5 ? 'low' : ratio <= 1 ? 'mid' : 'high';
}

/** Each stage of the process with its funnel figures: {code, name, entered, conversionRate, median, open, limit, heat}. */
export function stagesWithHeat(process, group) {
  const figures = new Map((group ? group.stages : []).map(s => [s.stage, s]));
  return process.stages.map(definition => {
    const f = figures.get(definition.code) || {};
    const limit = limitDays(definition.dwellLimit);
    return {
      code: definition.code, name: definition.name, entered: f.entered ?? 0, conversionRate: f.conversionRate ?? null,
      median: f.medianDwellDays ?? null, open: f.open ?? 0, limit, heat: heatOf(f.medianDwellDays, limit)
    };
  });
}

export function stageName(stage) {
  return localName(stage.name, stage.code);
}

export function drawLegend(ul) {
  ul.innerHTML = HEATS.map(h => `<li data-heat="${h}"><span class="swatch heat-${h}" aria-hidden="true"></span>${t('heatmap.heat.' + h)}</li>`).join('');
}

function figures(stage) {
  return {
    stage: stageName(stage), entered: format.count(stage.entered), conversion: format.percent(stage.conversionRate),
    median: format.days(stage.median), limit: format.days(stage.limit), heat: t('heatmap.heat.' + stage.heat)
  };
}

export function drawTable(tbody, stages) {
  tbody.innerHTML = stages.map(stage => {
    const f = figures(stage);
    const button = (figure, value, text) => (value
      ? `<button type="button" class="figure" data-stage="${escape(stage.code)}" data-figure="${figure}" aria-label="${escape(f.stage)} · ${t('drill.figure.' + figure)}: ${text}">${text}</button>`
      : text);
    const open = button('open', stage.open, format.count(stage.open));
    return `<tr data-stage="${escape(stage.code)}" data-heat="${stage.heat}">
      <th scope="row">${escape(f.stage)}</th>
      <td class="num" data-figure="entered">${button('entered', stage.entered, f.entered)}</td>
      <td class="num" data-figure="conversionRate">${f.conversion}</td>
      <td class="num" data-figure="medianDwellDays">${f.median}</td>
      <td class="num" data-figure="limit">${f.limit}</td>
      <td data-figure="heat"><span class="swatch heat-${stage.heat}" aria-hidden="true"></span>${escape(f.heat)}</td>
      <td class="num" data-figure="open">${open}</td>
    </tr>`;
  }).join('');
}

/** The overlay of one stage: a button that lists its entries in the period. */
function badge(stage) {
  const f = figures(stage);
  const button = document.createElement('button');
  button.type = 'button';
  button.className = `heat-badge heat-${stage.heat}`;
  button.dataset.stage = stage.code;
  button.dataset.heat = stage.heat;
  button.setAttribute('aria-label', t('heatmap.overlay', f));
  button.innerHTML = `<span class="badge-name">${escape(f.stage)}</span>
    <span data-figure="entered">${escape(t('heatmap.entered', { count: f.entered }))}</span>
    <span data-figure="conversionRate">${escape(t('heatmap.conversion', { rate: f.conversion }))}</span>
    <span data-figure="medianDwellDays">${escape(t('heatmap.median', { median: f.median, limit: f.limit }))}</span>`;
  return button;
}

/** Puts each stage's figures on the diagram and colours its element; removes what an earlier drawing put there. */
export function drawOverlays(viewer, stages) {
  const overlays = viewer.get('overlays');
  const canvas = viewer.get('canvas');
  const registry = viewer.get('elementRegistry');
  overlays.remove({ type: 'heat' });
  stages.forEach(stage => {
    const id = 'Stage_' + stage.code;
    if (!registry.get(id)) {
      return;
    }
    HEATS.forEach(h => canvas.removeMarker(id, 'heat-' + h));
    canvas.addMarker(id, 'heat-' + stage.heat);
    overlays.add(id, 'heat', { position: { top: 40, left: 20 }, html: badge(stage), scale: false });
  });
  fitBadges(viewer);
}

/** Keeps each badge as wide as its stage is on screen (the badges do not scale with the diagram). */
export function fitBadges(viewer) {
  const zoom = viewer.get('canvas').zoom();
  const registry = viewer.get('elementRegistry');
  document.querySelectorAll('#diagram .heat-badge').forEach(button => {
    const element = registry.get('Stage_' + button.dataset.stage);
    if (element) {
      button.style.width = Math.max(84, element.width * zoom - 8) + 'px';
    }
  });
}
