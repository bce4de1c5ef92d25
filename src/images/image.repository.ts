import type { MikroORM } from '@mikro-orm/postgresql';
import { Image } from './image.entity';

/** The synced images the ImageManager acts on, always within one account. One EntityManager fork per call. */
export interface ImageStore {
  findInAccount(accountId: string, id: string): Promise<Image | null>;
  findOnHost(hostId: string, dockerId: string): Promise<Image | null>;
}

export class ImageRepository implements ImageStore {
  constructor(private readonly orm: MikroORM) {}

  findInAccount(accountId: string, id: string): Promise<Image | null> {
    return this.orm.em.fork().getRepository(Image).findOneInAccount(accountId, id);
  }

  findOnHost(hostId: string, dockerId: string): Promise<Image | null> {
    return this.orm.em.fork().findOne(Image, { hostId, dockerId });
  }
}
