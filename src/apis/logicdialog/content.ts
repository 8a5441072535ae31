/**
 * How the workspace's responses were used in one hour: every matched natural-language input and
 * every button press shows one response; some views get a like or a dislike, some a link click.
 */
import { splitCount } from '../../core/rng.js';
import { hourRng, nlpOutcomes, typedAndButtons } from './traffic.js';
import type { Workspace } from './workspace.js';

/** One hour of response use, by response index (`clicks` by response, then by link). */
export interface ContentHour {
  byNlp: number[];
  byButton: number[];
  likes: number[];
  dislikes: number[];
  clicks: number[][];
}

/** The hour's response views by trigger: matched inputs and button presses, split over the responses. */
function viewsByTrigger(ws: Workspace, hour: number): { byNlp: number[]; byButton: number[] } {
  return {
    byNlp: splitCount(nlpOutcomes(ws, hour)[0], ws.nlpWeights, hourRng(ws, 'split-view-nlp', hour)),
    byButton: splitCount(
      typedAndButtons(ws, hour)[1],
      ws.buttonWeights,
      hourRng(ws, 'split-view-button', hour),
    ),
  };
}

/** Views of each response in the hour (button + natural language). */
export function viewsByResponse(ws: Workspace, hour: number): number[] {
  const { byNlp, byButton } = viewsByTrigger(ws, hour);
  return byNlp.map((n, r) => n + (byButton[r] ?? 0));
}

/** Views by trigger, likes, dislikes and link clicks of each response in the hour. */
export function contentInHour(ws: Workspace, hour: number): ContentHour {
  const { byNlp, byButton } = viewsByTrigger(ws, hour);
  const rng = hourRng(ws, 'reactions', hour);
  const likes: number[] = [];
  const dislikes: number[] = [];
  const clicks: number[][] = [];
  byNlp.forEach((nlp, r) => {
    const views = nlp + (byButton[r] ?? 0);
    const liked = rng.binomial(views, ws.likeShare);
    likes.push(liked);
    dislikes.push(rng.binomial(views - liked, ws.dislikeShare));
    clicks.push((ws.clickShare[r] ?? []).map((p) => rng.binomial(views, p)));
  });
  return { byNlp, byButton, likes, dislikes, clicks };
}
