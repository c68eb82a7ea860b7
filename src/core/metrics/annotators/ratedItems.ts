// Rated responses as the annotator scores see them: each response (and criterion) with every annotator's current
// rating of it, keyed as the known ratings are (responseKey), so that gold accuracy compares like with like.
import type { HumanRatingRow } from '../../store/scoreQueries';
import { responseKey } from '../judging/judgeScores';
import type { ScoredItem } from './annotatorScores';

export interface RatedItem extends ScoredItem {
  readonly system: string;
  readonly seed: number;
  readonly key: string;
}

/** One item per rated response and criterion, in the order the votes came; a vote is the rating's level. */
export function ratedItems(votes: readonly HumanRatingRow[]): RatedItem[] {
  const items = new Map<string, RatedItem & { humans: { annotator: string; verdict: string }[] }>();
  for (const vote of votes) {
    const key = responseKey(vote);
    let item = items.get(key);
    if (!item) {
      item = {
        key,
        run: vote.run,
        group: vote.group,
        lang: vote.lang,
        turn: vote.turn,
        criterion: vote.criterion,
        system: vote.system,
        seed: vote.seed,
        humans: [],
      };
      items.set(key, item);
    }
    item.humans.push({ annotator: vote.annotator, verdict: vote.rating });
  }
  return [...items.values()];
}
