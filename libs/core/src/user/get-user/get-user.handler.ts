import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { UsersReadModel } from '#projections';
import { GetUserQuery } from './get-user.query';

@QueryHandler(GetUserQuery)
export class GetUserHandler implements IQueryHandler<GetUserQuery> {
  constructor(private readonly users: UsersReadModel) {}

  async execute({ userId }: GetUserQuery) {
    return this.users.get(userId);
  }
}
